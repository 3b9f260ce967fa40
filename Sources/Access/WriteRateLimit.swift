/// How many writes one account (or, for those not signed in, one client address) may make: a
/// token bucket that holds `burst` writes and refills at `perSecond`. People filling in forms
/// never meet it; a script hammering writes, or someone trying passwords from one address
/// across many accounts, is slowed to the refill rate.
public struct WriteRateLimit: Sendable, Equatable {
    public let perSecond: Double
    public let burst: Double

    public init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = max(1, burst)
    }

    /// One key's bucket: writes left at `at` (seconds on a monotonic clock).
    public struct Bucket: Sendable, Equatable {
        public var tokens: Double
        public var at: Double
    }

    public enum Decision: Sendable, Equatable {
        case allowed(Bucket)
        /// Refused; a write is possible again after this many seconds (at least 1, for Retry-After).
        case refused(retryAfterSeconds: Int)
    }

    /// Takes one write from the bucket (nil: a key not seen before, full).
    public func take(from bucket: Bucket?, now: Double) -> Decision {
        var bucket = bucket ?? Bucket(tokens: burst, at: now)
        bucket.tokens = min(burst, bucket.tokens + max(0, now - bucket.at) * perSecond)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            let wait = (1 - bucket.tokens) / perSecond
            return .refused(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
        }
        bucket.tokens -= 1
        return .allowed(bucket)
    }

    /// A bucket that would be full by `now` carries nothing a fresh one would not: it can be forgotten.
    public func isFull(_ bucket: Bucket, now: Double) -> Bool {
        bucket.tokens + max(0, now - bucket.at) * perSecond >= burst
    }
}
