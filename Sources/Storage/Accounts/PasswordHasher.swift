import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool so a sign-in never blocks the event loop.
public struct PasswordHasher: Sendable {
    /// 2^cost rounds. 12 in production (≈ 0.25 s here, which is the point); tests may choose less.
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Checked against when the mobile number has no account, so "no such account" takes as long
    /// as "wrong password" and the two cannot be told apart.
    static let absentAccountHash = Bcrypt.hash("no account has this password", cost: 12)
}
