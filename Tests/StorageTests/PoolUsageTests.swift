import Foundation
import Storage
import Testing

/// What `/metrics` reports of the connection pools: a write that finds the writer busy queues,
/// and the queue is counted.
struct PoolUsageTests {
    final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var open = false
        func release() { lock.withLock { open = true } }
        var isOpen: Bool { lock.withLock { open } }
    }

    @Test(arguments: TestBackend.available)
    func aWriteThatFindsEveryConnectionBusyIsCountedAsAWait(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let before = try #require(await db.poolUsage().last?.usage)
        let gate = Gate()
        // Hold every connection the writes can use, then ask for one more.
        let holders = (0..<before.maximum).map { _ in
            Task { try await db.write { _ in while !gate.isOpen { try await Task.sleep(for: .milliseconds(5)) } } }
        }
        while await db.poolUsage().last?.usage.inUse != before.maximum { try await Task.sleep(for: .milliseconds(5)) }
        let queued = Task { try await db.write { _ in 1 } }
        while await db.poolUsage().last?.usage.waiting != 1 { try await Task.sleep(for: .milliseconds(5)) }
        gate.release()
        for holder in holders { try await holder.value }
        #expect(try await queued.value == 1)

        let after = try #require(await db.poolUsage().last?.usage)
        #expect(after.waitedTotal == before.waitedTotal + 1)
        #expect(after.waitedSecondsTotal > before.waitedSecondsTotal)
        #expect(after.inUse == 0 && after.waiting == 0)
    }
}
