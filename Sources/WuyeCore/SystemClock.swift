import Foundation

/// The real wall clock, for production.
public struct SystemClock: WuyeClock {
    public init() {}

    public func now() -> Date {
        Date()
    }
}
