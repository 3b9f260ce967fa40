import Foundation

/// Random secrets handed to clients (session cookies, API tokens, one-time codes) and the
/// SHA-256 digests the database keeps instead of them: a copy of the database opens no session.
public enum Secret {
    /// 32 random bytes, base64url without padding: 43 characters, cookie- and header-safe.
    public static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A six-digit one-time code.
    public static func digits(_ count: Int = 6) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    public static func digest(_ secret: String) -> String {
        ChainHash.sha256(secret)
    }

    /// Compares without stopping at the first difference, so timing reveals nothing.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
