import Foundation
import Storage
import WuyeCore

/// Keeps what a message gateway was asked to send.
final class RecordingGateway: MessageGateway, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var messages: [(mobile: String, text: String)] = []

    func send(to mobile: String, text: String) async throws {
        lock.withLock { messages.append((mobile, text)) }
    }

    var lastCode: String? {
        lock.withLock { messages.last }.flatMap { $0.text.firstMatch(of: /\d{6}/).map { String($0.output) } }
    }
}

/// bcrypt at its lowest cost: the same algorithm, quick enough for many tests.
let quickHasher = PasswordHasher(cost: 4)

extension WuyeDatabase {
    /// The registry of `goodRegistry` imported, for tests that need owners and homes.
    func importGoodRegistry() async throws {
        _ = try await withRegistryFile(goodRegistry) { path in
            try await RegistryImporter(database: self).importFile(path: path, onIssue: { _ in })
        }
    }
}
