import Foundation
import WuyeCore

/// Who did something: an account, or the platform itself (a command run on the server, the demo).
public struct AuditActor: Sendable, Equatable {
    public let accountID: Int64?
    public let label: String
    public let requestID: String?

    public init(accountID: Int64?, label: String, requestID: String? = nil) {
        self.accountID = accountID
        self.label = label
        self.requestID = requestID
    }

    public static func command(_ name: String) -> AuditActor { AuditActor(accountID: nil, label: "command:\(name)") }

    /// A stored actor label as a page shows it: a person's name masked, the platform as "系统".
    public static func shown(_ label: String) -> String {
        label.hasPrefix("command:") || label == "anonymous" ? "系统" : Masking.name(label)
    }
}

/// One change, as the audit log records it. `before` and `after` are the changed fields.
public struct AuditChange: Sendable {
    public let action: String
    public let targetType: String
    public let targetID: String
    public let before: [String: String]?
    public let after: [String: String]?

    public init(action: String, targetType: String, targetID: String,
                before: [String: String]? = nil, after: [String: String]? = nil) {
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.before = before
        self.after = after
    }
}

/// A stored entry of the audit log.
public struct AuditEntry: Sendable, Equatable, Codable {
    public let seq: Int64
    public let at: String
    public let actorAccountID: Int64?
    public let actor: String
    public let action: String
    public let targetType: String
    public let targetID: String
    public let before: String?
    public let after: String?
    public let requestID: String?
    public let prevHash: String
    public let hash: String

    public static let genesisHash = String(repeating: "0", count: 64)

    /// SHA-256 over every field but the hash itself, each prefixed with its length so that no two
    /// different entries spell the same text.
    public static func hash(seq: Int64, at: String, actorAccountID: Int64?, actor: String, action: String,
                            targetType: String, targetID: String, before: String?, after: String?,
                            requestID: String?, prevHash: String) -> String {
        ChainHash.sha256([String(seq), at, actorAccountID.map(String.init) ?? "", actor, action, targetType, targetID,
                          before ?? "", after ?? "", requestID ?? "", prevHash])
    }

    /// The hash this entry should carry.
    public var expectedHash: String {
        Self.hash(seq: seq, at: at, actorAccountID: actorAccountID, actor: actor, action: action,
                  targetType: targetType, targetID: targetID, before: before, after: after,
                  requestID: requestID, prevHash: prevHash)
    }

    /// Canonical JSON of a change's fields: keys sorted, so the same change always hashes the same.
    static func json(_ fields: [String: String]?) -> String? {
        guard let fields,
              let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
