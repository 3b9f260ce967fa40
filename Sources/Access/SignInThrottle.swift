import Foundation

/// Lock-out after repeated failed sign-ins: per account (someone guessing one owner's password)
/// and per client address (someone trying many accounts). A failure outside the window starts a
/// new count; reaching the limit locks for `lockSeconds`.
public struct SignInThrottle: Sendable {
    public let limit: Int
    public let windowSeconds: Int64
    public let lockSeconds: Int64

    public static let perAccount = SignInThrottle(limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60)
    public static let perAddress = SignInThrottle(limit: 20, windowSeconds: 15 * 60, lockSeconds: 15 * 60)

    public init(limit: Int, windowSeconds: Int64, lockSeconds: Int64) {
        self.limit = limit
        self.windowSeconds = windowSeconds
        self.lockSeconds = lockSeconds
    }

    /// The state kept for one key.
    public struct State: Equatable, Sendable {
        public var failures: Int
        public var windowStart: Int64
        public var lockedUntil: Int64?

        public init(failures: Int, windowStart: Int64, lockedUntil: Int64?) {
            self.failures = failures
            self.windowStart = windowStart
            self.lockedUntil = lockedUntil
        }
    }

    public func isLocked(_ state: State?, now: Int64) -> Bool {
        guard let until = state?.lockedUntil else { return false }
        return now < until
    }

    /// The state after one more failure at `now`.
    public func failing(_ state: State?, now: Int64) -> State {
        guard let state, now - state.windowStart < windowSeconds, !isExpiredLock(state, now: now) else {
            return State(failures: 1, windowStart: now, lockedUntil: limit <= 1 ? now + lockSeconds : nil)
        }
        let failures = state.failures + 1
        return State(failures: failures, windowStart: state.windowStart,
                     lockedUntil: failures >= limit ? now + lockSeconds : state.lockedUntil)
    }

    private func isExpiredLock(_ state: State, now: Int64) -> Bool {
        state.lockedUntil.map { now >= $0 } ?? false
    }
}
