import Access
import Foundation
import Hummingbird
import WuyeCore

/// Too many writes from one account or address: 429 with Retry-After.
struct WriteRateLimited: Error {
    let retryAfterSeconds: Int
}

/// The buckets of this instance, in memory. With several instances each keeps its own, so the
/// limit a client meets is per instance (the README says so; a proxy's own limit is the global one).
final class WriteRateLimiter: @unchecked Sendable {
    let limit: WriteRateLimit
    private let lock = NSLock()
    private var buckets: [String: WriteRateLimit.Bucket] = [:]
    private let started = ContinuousClock.now

    init(limit: WriteRateLimit) {
        self.limit = limit
    }

    func take(_ key: String) throws(WriteRateLimited) {
        let now = (ContinuousClock.now - started).inSeconds
        let decision = lock.withLock {
            let decision = limit.take(from: buckets[key], now: now)
            if case .allowed(let bucket) = decision { buckets[key] = bucket }
            // Keys of clients that went quiet would otherwise pile up.
            if buckets.count > 50_000 { buckets = buckets.filter { !limit.isFull($0.value, now: now) } }
            return decision
        }
        if case .refused(let seconds) = decision { throw WriteRateLimited(retryAfterSeconds: seconds) }
    }
}

/// Counts every write (anything but GET, HEAD and OPTIONS) against the account that makes it, or
/// against the client's address when nobody is signed in (sign-in attempts, Open311 reports).
struct WriteRateLimitMiddleware: RouterMiddleware {
    typealias Context = WuyeRequestContext
    let limiter: WriteRateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.method {
        case .get, .head, .options: break
        default:
            let key = context.principal.map { "account:\($0.accountID)" } ?? "address:\(context.clientAddress ?? "-")"
            try limiter.take(key)
        }
        return try await next(request, context)
    }
}
