import Foundation

/// A clock moved forward by hand: tests and simulations that must pass a deadline (a session's
/// idle limit, a meeting's 15-day notice) without waiting for it.
public final class ManualClock: WuyeClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date()) {
        current = start
    }

    public func now() -> Date { lock.withLock { current } }

    public func advance(seconds: TimeInterval) { lock.withLock { current += seconds } }
}
