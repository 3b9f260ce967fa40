import Foundation

/// The source of "now" for domain rules (due dates, "born in the future").
///
/// Named `WuyeClock` rather than `Clock` to avoid clashing with the standard library's
/// `Clock` protocol, which measures durations rather than calendar time.
public protocol WuyeClock: Sendable {
    func now() -> Date
}
