import Assembly
import Foundation
import SQLKit
import WuyeCore

extension AssemblyStore {
    /// How a ballot arrived.
    public enum Channel: String, Sendable, CaseIterable {
        case online
        /// A paper ballot the committee enters, keeping the scan.
        case paper
        /// A signed written vote carried by a building or unit representative (Qingdao Art. 28).
        case written
    }

    /// Casts one voting right's choices. Each choice joins the meeting's chain with its own receipt;
    /// a later choice on the same motion replaces the earlier one in the count (until the close).
    /// Returns the receipts, motion by motion.
    public func cast(meetingID: Int64, rightNumber: Int, choices: [Int: Choice], channel: Channel, scan: [UInt8]? = nil,
                     by actor: AuditActor) async throws -> [Int: String] {
        let scanKind = try scan.map(BallotScan.check)
        let now = clock.now()
        let nowSeconds = Int64(now.timeIntervalSince1970)
        guard !choices.isEmpty else {
            throw DomainError(code: "no_choices", message: "请至少对一项议题表决", english: "vote on at least one motion", field: "choices")
        }
        return try await database.write { sql in
            let lock = sql.dialect.name == "sqlite" ? "" : " FOR UPDATE"
            guard let meeting = try await sql.raw("""
                SELECT m.opens_at, m.closes_at, m.status, m.ballots_changeable, h.seq, h.hash FROM meetings m JOIN meeting_heads h ON h.meeting_id = m.id
                WHERE m.id = \(bind: meetingID)\(unsafeRaw: lock)
                """).first() else { throw Self.noMeeting }
            guard try meeting.decode(column: "status", as: String.self) == "published",
                  try meeting.decode(column: "opens_at", as: Int64.self) <= nowSeconds,
                  nowSeconds < (try meeting.decode(column: "closes_at", as: Int64.self)) else {
                throw DomainError(code: "meeting_not_open", message: "不在表决时间内", english: "voting is not open", field: "meeting")
            }
            let motions = Set(try await sql.raw("SELECT number FROM motions WHERE meeting_id = \(bind: meetingID)").all()
                .map { Int(try $0.decode(column: "number", as: Int64.self)) })
            for motion in choices.keys where !motions.contains(motion) {
                throw DomainError(code: "not_on_agenda", message: "第 \(motion) 项不在公告的议题中，不能表决（《青岛市物业管理条例》第二十九条）",
                                  english: "motion \(motion) is not on the published agenda", field: "choices")
            }
            guard try await sql.raw("""
                SELECT number FROM voting_rights WHERE meeting_id = \(bind: meetingID) AND number = \(bind: Int64(rightNumber))
                """).first() != nil else {
                throw DomainError(code: "no_voting_right", message: "没有这个表决权", english: "no such voting right", field: "right_number")
            }
            if try !meeting.decode(column: "ballots_changeable", as: Bool.self), try await sql.raw("""
                SELECT motion_number FROM ballots WHERE meeting_id = \(bind: meetingID) AND right_number = \(bind: Int64(rightNumber))
                  AND motion_number IN (\(binds: choices.keys.map { Int64($0) }))
                LIMIT 1
                """).first() != nil {
                throw DomainError(code: "ballot_final", message: "本次业主大会的议事规则规定表决票提交后不能更改，此表决权已投票",
                                  english: "this meeting's rules make a ballot final, and this right has voted", field: "choices")
            }
            var seq = try meeting.decode(column: "seq", as: Int64.self)
            var previous = try meeting.decode(column: "hash", as: String.self)
            var receipts: [Int: String] = [:]
            let castAt = AuditTime.text(now)
            for (motion, choice) in choices.sorted(by: { $0.key < $1.key }) {
                seq += 1
                let receipt = String(Secret.token().prefix(12))
                var ballot = AssemblyExport.Ballot(seq: seq, rightID: rightNumber, motionID: motion, choice: choice,
                                                   channel: channel.rawValue, receipt: receipt, castAt: castAt,
                                                   prevHash: previous, hash: "")
                ballot.hash = ChainHash.sha256(ballot.hashedFields)
                try await sql.raw("""
                    INSERT INTO ballots (meeting_id, seq, right_number, motion_number, choice, channel, receipt, cast_at, cast_by,
                                         prev_hash, hash)
                    VALUES (\(bind: meetingID), \(bind: seq), \(bind: Int64(rightNumber)), \(bind: Int64(motion)),
                            \(bind: choice.rawValue), \(bind: channel.rawValue), \(bind: receipt), \(bind: castAt),
                            \(bind: actor.accountID), \(bind: previous), \(bind: ballot.hash))
                    """).run()
                previous = ballot.hash
                receipts[motion] = receipt
            }
            try await sql.raw("""
                UPDATE meeting_heads SET seq = \(bind: seq), hash = \(bind: previous) WHERE meeting_id = \(bind: meetingID)
                """).run()
            if let scan, let scanKind, channel != .online {
                try await sql.raw("""
                    INSERT INTO ballot_scans (meeting_id, right_number, content_type, bytes, uploaded_by_label, uploaded_at)
                    VALUES (\(bind: meetingID), \(bind: Int64(rightNumber)), \(bind: scanKind.rawValue), \(bind: Data(scan)),
                            \(bind: actor.label), \(bind: nowSeconds))
                    """).run()
            }
            try await AuditLog.append(AuditChange(action: "meeting.ballot", targetType: "meeting", targetID: String(meetingID),
                                                  after: ["right": String(rightNumber), "channel": channel.rawValue,
                                                          "motions": String(choices.count), "scan": scan == nil ? "no" : "yes"]),
                                      by: actor, at: now, sql: sql)
            return receipts
        }
    }

    /// The voting right an account's owner holds in a meeting, if any (fixed on the record date).
    public func right(ofAccount accountID: Int64, meetingID: Int64) async throws -> Int? {
        try await database.read { sql in
            try await sql.raw("""
                SELECT v.right_number FROM accounts a JOIN voting_right_owners v ON v.owner_id = a.owner_id
                WHERE a.id = \(bind: accountID) AND v.meeting_id = \(bind: meetingID)
                """).first().map { Int(try $0.decode(column: "right_number", as: Int64.self)) }
        }
    }

    /// Closes a meeting whose window has ended: counts it and stores the result for publication.
    public func close(meetingID: Int64, by actor: AuditActor) async throws -> [MotionResult] {
        let now = clock.now()
        let summary = try await database.read { sql in
            try await sql.raw("SELECT closes_at, status FROM meetings WHERE id = \(bind: meetingID)").first()
        }
        guard let summary else { throw Self.noMeeting }
        guard try summary.decode(column: "status", as: String.self) == "published" else {
            throw DomainError(code: "meeting_closed", message: "会议已经结束", english: "the meeting is already closed", field: "meeting")
        }
        guard Int64(now.timeIntervalSince1970) >= (try summary.decode(column: "closes_at", as: Int64.self)) else {
            throw DomainError(code: "meeting_still_open", message: "表决尚未截止，不能结束会议", english: "voting has not closed yet",
                              field: "meeting")
        }
        // Counted only once the window has ended and before anything is stored: the export's results
        // are the live count while the meeting is still published.
        guard let results = try await export(meetingID: meetingID)?.results else { throw Self.noMeeting }
        let json = String(decoding: try JSONEncoder().encode(results), as: UTF8.self)
        try await database.write { sql in
            try await sql.raw("""
                UPDATE meetings SET status = 'closed', results_json = \(bind: json), closed_at = \(bind: Int64(now.timeIntervalSince1970))
                WHERE id = \(bind: meetingID) AND status = 'published'
                """).run()
            try await AuditLog.append(AuditChange(action: "meeting.close", targetType: "meeting", targetID: String(meetingID),
                                                  after: Dictionary(uniqueKeysWithValues: results.map {
                                                      ("motion_\($0.motionID)", $0.passed ? "passed" : "not passed")
                                                  })),
                                      by: actor, at: now, sql: sql)
        }
        return results
    }

    static let noMeeting = DomainError(code: "not_found", message: "会议不存在", english: "no such meeting", field: "id")

    /// The scans kept for a meeting's paper ballots and written votes, newest first.
    public func scans(meetingID: Int64) async throws -> [(id: Int64, right: Int, uploadedAt: Date)] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT id, right_number, uploaded_at FROM ballot_scans WHERE meeting_id = \(bind: meetingID) ORDER BY id DESC LIMIT 500
                """).all().map { row in
                (try row.decode(column: "id", as: Int64.self), Int(try row.decode(column: "right_number", as: Int64.self)),
                 Date(timeIntervalSince1970: Double(try row.decode(column: "uploaded_at", as: Int64.self))))
            }
        }
    }

    public func scan(id: Int64, meetingID: Int64) async throws -> (contentType: String, bytes: [UInt8])? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT content_type, bytes FROM ballot_scans WHERE id = \(bind: id) AND meeting_id = \(bind: meetingID)
                """).first() else { return nil }
            return (try row.decode(column: "content_type", as: String.self), [UInt8](try row.decode(column: "bytes", as: Data.self)))
        }
    }

    /// What a receipt code stands for in a meeting's chain, for the voter to check: the ballot, and
    /// whether it is the one counted (a later choice of the same right on the same motion replaces it).
    public struct ReceiptCheck: Sendable, Equatable {
        public let seq: Int64
        public let rightNumber: Int
        public let motionNumber: Int
        public let choice: Choice
        public let channel: String
        public let hash: String
        public let counted: Bool
    }

    public func check(receipt raw: String, meetingID: Int64) async throws -> ReceiptCheck? {
        let receipt = raw.trimmedWhitespace
        guard (1...40).contains(receipt.count) else { return nil }
        return try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT b.seq, b.right_number, b.motion_number, b.choice, b.channel, b.hash,
                       (SELECT MAX(l.seq) FROM ballots l WHERE l.meeting_id = b.meeting_id AND l.right_number = b.right_number
                          AND l.motion_number = b.motion_number) AS latest
                FROM ballots b WHERE b.meeting_id = \(bind: meetingID) AND b.receipt = \(bind: receipt)
                """).first() else { return nil }
            let seq = try row.decode(column: "seq", as: Int64.self)
            return ReceiptCheck(seq: seq, rightNumber: Int(try row.decode(column: "right_number", as: Int64.self)),
                                motionNumber: Int(try row.decode(column: "motion_number", as: Int64.self)),
                                choice: Choice(rawValue: try row.decode(column: "choice", as: String.self)) ?? .abstain,
                                channel: try row.decode(column: "channel", as: String.self), hash: try row.decode(column: "hash", as: String.self),
                                counted: try row.decode(column: "latest", as: Int64.self) == seq)
        }
    }
}
