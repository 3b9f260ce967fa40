import Access
import Testing

struct WriteRateLimitTests {
    let limit = WriteRateLimit(perSecond: 2, burst: 3)

    private func taking(_ count: Int, at now: Double, from start: WriteRateLimit.Bucket? = nil)
        -> (allowed: Int, bucket: WriteRateLimit.Bucket?, last: WriteRateLimit.Decision?) {
        var bucket = start, allowed = 0, last: WriteRateLimit.Decision?
        for _ in 0..<count {
            last = limit.take(from: bucket, now: now)
            if case .allowed(let next) = last { bucket = next; allowed += 1 }
        }
        return (allowed, bucket, last)
    }

    @Test func aNewKeyMayWriteTheBurstAtOnceAndThenIsToldWhenToComeBack() {
        let (allowed, _, last) = taking(5, at: 100)
        #expect(allowed == 3)
        #expect(last == .refused(retryAfterSeconds: 1))
    }

    @Test func theBucketRefillsAtTheRateAndNeverBeyondTheBurst() {
        let (_, empty, _) = taking(3, at: 100)
        #expect(taking(5, at: 101, from: empty).allowed == 2)      // one second: two writes
        #expect(taking(5, at: 1_000, from: empty).allowed == 3)    // a long pause: the burst, no more
    }

    @Test func retryAfterRoundsTheWaitUp() {
        let slow = WriteRateLimit(perSecond: 0.1, burst: 1)
        guard case .allowed(let empty) = slow.take(from: nil, now: 0) else { Issue.record("refused"); return }
        #expect(slow.take(from: empty, now: 0.5) == .refused(retryAfterSeconds: 10))
    }

    @Test func aBucketThatWouldBeFullAgainCanBeForgotten() {
        let (_, used, _) = taking(1, at: 100)
        let bucket = try! #require(used)
        #expect(!limit.isFull(bucket, now: 100.2))
        #expect(limit.isFull(bucket, now: 100.5))
    }
}
