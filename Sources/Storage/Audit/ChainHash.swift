import Crypto
import Foundation

/// The hash that links an entry of a chain (the audit log, a meeting's ballots) to the one before:
/// SHA-256 over the fields, each prefixed with its length so that no two different entries spell the
/// same text. Lowercase hex.
public enum ChainHash {
    public static func sha256(_ fields: [String]) -> String {
        var text = ""
        for field in fields { text += "\(field.utf8.count):\(field);" }
        return sha256(text)
    }

    /// Plain SHA-256 of a text, lowercase hex: the digest kept for secrets and the link of a chain.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
