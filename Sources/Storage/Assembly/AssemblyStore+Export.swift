import Assembly
import Foundation
import SQLKit
import WuyeCore

/// A meeting as it reads from the database.
public struct MeetingView: Sendable, Codable, Equatable {
    public let id: Int64
    public let compoundID: Int64
    public let title: String
    public let status: String
    public let recordDate: String
    public let opensAt: Date
    public let closesAt: Date
    public let motions: [AssemblyExport.Motion]
    public let totals: VoteTotals
    /// Rights that have cast at least one ballot, with their area: live turnout.
    public let turnout: VoteTotals
    /// May a ballot be changed until the close (the assembly's rules of procedure)?
    public let ballotsChangeable: Bool
    /// When the chair closed the meeting and the result was published.
    public let closedAt: Date?

    /// Voting is open: the meeting is published and `now` lies in its window.
    public func isOpen(at now: Date) -> Bool { status == "published" && opensAt <= now && now < closesAt }
}

extension AssemblyStore {
    /// The compound a meeting belongs to, for the access check.
    public func compound(ofMeeting id: Int64) async throws -> Int64? {
        try await database.read { sql in
            try await sql.raw("SELECT compound_id FROM meetings WHERE id = \(bind: id)").first()?.decode(column: "compound_id", as: Int64.self)
        }
    }

    public func meeting(id: Int64) async throws -> MeetingView? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT id, compound_id, title, status, record_date, opens_at, closes_at, ballots_changeable, closed_at FROM meetings
                WHERE id = \(bind: id)
                """).first() else { return nil }
            let motions = try await Self.motions(id, sql: sql)
            let totals = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(area_centi), 0) AS BIGINT) AS area, CAST(COUNT(*) AS BIGINT) AS n
                FROM voting_rights WHERE meeting_id = \(bind: id)
                """).first()
            let turnout = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(r.area_centi), 0) AS BIGINT) AS area, CAST(COUNT(*) AS BIGINT) AS n FROM voting_rights r
                WHERE r.meeting_id = \(bind: id)
                  AND EXISTS (SELECT 1 FROM ballots b WHERE b.meeting_id = r.meeting_id AND b.right_number = r.number)
                """).first()
            return MeetingView(
                id: id, compoundID: try row.decode(column: "compound_id", as: Int64.self),
                title: try row.decode(column: "title", as: String.self), status: try row.decode(column: "status", as: String.self),
                recordDate: try row.decode(column: "record_date", as: String.self),
                opensAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "opens_at", as: Int64.self))),
                closesAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "closes_at", as: Int64.self))),
                motions: motions,
                totals: VoteTotals(area: try totals?.decode(column: "area", as: Int64.self) ?? 0,
                                   headcount: try totals?.decode(column: "n", as: Int64.self) ?? 0),
                turnout: VoteTotals(area: try turnout?.decode(column: "area", as: Int64.self) ?? 0,
                                    headcount: try turnout?.decode(column: "n", as: Int64.self) ?? 0),
                ballotsChangeable: try row.decode(column: "ballots_changeable", as: Bool.self),
                closedAt: try row.decode(column: "closed_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) })
        }
    }

    /// The whole meeting for publication and recount. Before the close the results are provisional:
    /// what the ballots give so far.
    public func export(meetingID: Int64) async throws -> AssemblyExport? {
        guard let meeting = try await meeting(id: meetingID) else { return nil }
        return try await database.read { sql in
            let rights = try await sql.raw("""
                SELECT number, holder, area_centi, home_ids FROM voting_rights WHERE meeting_id = \(bind: meetingID) ORDER BY number
                """).all().map { row in
                VotingRight(id: Int(try row.decode(column: "number", as: Int64.self)),
                            holder: VotingRight.Holder(rawValue: try row.decode(column: "holder", as: String.self)) ?? .owners,
                            homeIDs: try row.decode(column: "home_ids", as: String.self).split(separator: ",").compactMap { Int64($0) },
                            area: try row.decode(column: "area_centi", as: Int64.self))
            }
            let ballots = try await sql.raw("""
                SELECT seq, right_number, motion_number, choice, channel, receipt, cast_at, prev_hash, hash FROM ballots
                WHERE meeting_id = \(bind: meetingID) ORDER BY seq
                """).all().map { row in
                AssemblyExport.Ballot(seq: try row.decode(column: "seq", as: Int64.self),
                                      rightID: Int(try row.decode(column: "right_number", as: Int64.self)),
                                      motionID: Int(try row.decode(column: "motion_number", as: Int64.self)),
                                      choice: Choice(rawValue: try row.decode(column: "choice", as: String.self)) ?? .abstain,
                                      channel: try row.decode(column: "channel", as: String.self),
                                      receipt: try row.decode(column: "receipt", as: String.self),
                                      castAt: try row.decode(column: "cast_at", as: String.self),
                                      prevHash: try row.decode(column: "prev_hash", as: String.self),
                                      hash: try row.decode(column: "hash", as: String.self))
            }
            let stored = try await sql.raw("SELECT results_json FROM meetings WHERE id = \(bind: meetingID)").first()?
                .decode(column: "results_json", as: String?.self)
            let results = try stored.map { try JSONDecoder().decode([MotionResult].self, from: Data($0.utf8)) }
                ?? Tally.count(motions: meeting.motions.map { ($0.id, $0.matter) },
                               ballots: ballots.map { CountedBallot(seq: $0.seq, rightID: $0.rightID, motionID: $0.motionID,
                                                                    choice: $0.choice) },
                               rights: rights, totals: meeting.totals)
            return AssemblyExport(
                meeting: .init(id: meeting.id, compoundID: meeting.compoundID, title: meeting.title, recordDate: meeting.recordDate,
                               opensAt: AuditTime.text(meeting.opensAt), closesAt: AuditTime.text(meeting.closesAt)),
                motions: meeting.motions, votingRights: rights, totals: meeting.totals, ballots: ballots, results: results)
        }
    }

    static func motions(_ meetingID: Int64, sql: any SQLDatabase) async throws -> [AssemblyExport.Motion] {
        try await sql.raw("SELECT number, matter, title FROM motions WHERE meeting_id = \(bind: meetingID) ORDER BY number")
            .all().compactMap { row in
                guard let matter = MotionMatter(rawValue: Int(try row.decode(column: "matter", as: Int64.self))) else { return nil }
                return AssemblyExport.Motion(id: Int(try row.decode(column: "number", as: Int64.self)), matter: matter,
                                             title: try row.decode(column: "title", as: String.self))
            }
    }
}

extension AssemblyStore {
    /// A compound's meetings, newest first.
    public func meetings(ofCompound compoundID: Int64) async throws -> [MeetingView] {
        let ids = try await database.read { sql in
            try await sql.raw("SELECT id FROM meetings WHERE compound_id = \(bind: compoundID) ORDER BY id DESC LIMIT 50")
                .all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        var meetings: [MeetingView] = []
        for id in ids { if let meeting = try await meeting(id: id) { meetings.append(meeting) } }
        return meetings
    }
}

extension AssemblyStore {
    /// The meetings of every compound in `division`, newest first, with the compound's name: what a
    /// subdistrict supervises.
    public func meetings(inDivision division: DivisionCode, limit: Int = 200) async throws -> [(meeting: MeetingView, compound: String)] {
        let rows = try await database.read { sql in
            try await sql.raw("""
                SELECT m.id, c.name FROM meetings m JOIN compounds c ON c.id = m.compound_id
                WHERE c.community_code LIKE \(bind: division.sharedPrefix + "%")
                ORDER BY m.id DESC LIMIT \(unsafeRaw: String(max(1, min(limit, 1000))))
                """).all().map { (id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self)) }
        }
        var meetings: [(MeetingView, String)] = []
        for row in rows { if let meeting = try await meeting(id: row.id) { meetings.append((meeting, row.name)) } }
        return meetings
    }
}
