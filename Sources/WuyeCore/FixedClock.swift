import Foundation

/// A clock that always reports the same instant, so tests and demo data are reproducible.
public struct FixedClock: WuyeClock {
    public var date: Date

    public init(_ date: Date) {
        self.date = date
    }

    public func now() -> Date {
        date
    }
}
