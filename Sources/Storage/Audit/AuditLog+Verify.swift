import SQLKit

/// The first place where the stored chain differs from the one that was written.
public struct AuditFault: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case edited, inserted, deleted }
    public let seq: Int64
    public let kind: Kind
    public let detail: String

    public init(seq: Int64, kind: Kind, detail: String) {
        self.seq = seq
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "entry \(seq) \(kind.rawValue): \(detail)" }
}

public struct AuditVerification: Sendable, Equatable {
    public let entries: Int64
    public let firstFault: AuditFault?

    public init(entries: Int64, firstFault: AuditFault?) {
        self.entries = entries
        self.firstFault = firstFault
    }
}

extension AuditLog {
    /// Walks the whole chain in order (keyset pages of 2,000) and stops at the first fault.
    public func verify() async throws -> AuditVerification {
        var previousSeq: Int64 = 0
        var previousHash = AuditEntry.genesisHash
        var checked: Int64 = 0
        while true {
            let page = try await database.read { sql in
                try await sql.raw("""
                    SELECT \(unsafeRaw: Self.columns) FROM audit_log WHERE seq > \(bind: previousSeq) ORDER BY seq LIMIT 2000
                    """).all().map(AuditEntry.init(row:))
            }
            if page.isEmpty { break }
            for entry in page {
                if entry.hash != entry.expectedHash {
                    return AuditVerification(entries: checked, firstFault: AuditFault(
                        seq: entry.seq, kind: .edited, detail: "its content no longer matches its hash"))
                }
                if entry.seq != previousSeq + 1 {
                    return AuditVerification(entries: checked, firstFault: AuditFault(
                        seq: previousSeq + 1, kind: .deleted,
                        detail: "entries \(previousSeq + 1)–\(entry.seq - 1) are missing"))
                }
                if entry.prevHash != previousHash {
                    return AuditVerification(entries: checked, firstFault: AuditFault(
                        seq: entry.seq, kind: .inserted, detail: "it does not chain onto entry \(previousSeq)"))
                }
                previousSeq = entry.seq
                previousHash = entry.hash
                checked += 1
            }
        }
        let head = try await database.read { sql in
            try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first()
        }
        let headSeq = try head?.decode(column: "seq", as: Int64.self) ?? 0
        let headHash = try head?.decode(column: "hash", as: String.self) ?? AuditEntry.genesisHash
        if headSeq > previousSeq {
            return AuditVerification(entries: checked, firstFault: AuditFault(
                seq: previousSeq + 1, kind: .deleted, detail: "entries \(previousSeq + 1)–\(headSeq) are missing at the end"))
        }
        if headSeq == previousSeq && headHash != previousHash {
            return AuditVerification(entries: checked, firstFault: AuditFault(
                seq: headSeq, kind: .edited, detail: "it differs from the chain's recorded head"))
        }
        if headSeq < previousSeq {
            return AuditVerification(entries: checked, firstFault: AuditFault(
                seq: headSeq + 1, kind: .inserted, detail: "entries after \(headSeq) were added outside the platform"))
        }
        return AuditVerification(entries: checked, firstFault: nil)
    }
}
