import Assembly
import Foundation
import SQLKit
import WuyeCore

/// Owners' meetings in the database: convening fixes the motions and the voting rights; ballots
/// join the meeting's hash chain; closing counts them under Art. 278 and stores the result.
public struct AssemblyStore: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// Convenes a meeting: publishes its agenda now and fixes the voting rights from the registry as
    /// it stands today (the record date).
    public func convene(compoundID: Int64, plan: MeetingPlan, by actor: AuditActor) async throws -> Int64 {
        let roll = try await roll(ofCompound: compoundID)
        return try await database.write { sql in try await Self.convene(compoundID: compoundID, plan: plan, roll: roll, by: actor, at: clock.now(), sql: sql) }
    }

    /// The voting rights of the compound's homes on the record date, or of only `homes` when a
    /// matter concerns some owners (a maintenance-fund use voted by the owners who share its cost).
    public func roll(ofCompound compoundID: Int64, homes: Set<Int64>? = nil) async throws -> VotingRoll {
        let holdings = try await self.holdings(ofCompound: compoundID).filter { homes?.contains($0.homeID) ?? true }
        guard !holdings.isEmpty else {
            throw DomainError(code: "no_homes", message: "没有登记房屋，无法确定表决权", english: "no homes to give voting rights",
                              field: "compound_id")
        }
        return VotingRoll(holdings: holdings)
    }

    /// Convenes inside the caller's transaction, so a meeting and what it decides are written together.
    public static func convene(compoundID: Int64, plan: MeetingPlan, roll: VotingRoll, by actor: AuditActor, at now: Date,
                               sql: any SQLDatabase) async throws -> Int64 {
        guard let row = try await sql.raw("""
            INSERT INTO meetings (compound_id, title, record_date, agenda_published_at, opens_at, closes_at, status,
                                  convened_by, created_at, ballots_changeable)
            VALUES (\(bind: compoundID), \(bind: plan.title), \(bind: CivilDate.inChina(now).text),
                    \(bind: Int64(now.timeIntervalSince1970)), \(bind: Int64(plan.opensAt.timeIntervalSince1970)),
                    \(bind: Int64(plan.closesAt.timeIntervalSince1970)), 'published', \(bind: actor.accountID),
                    \(bind: AuditTime.text(now)), \(bind: plan.ballotsChangeable))
            RETURNING id
            """).first() else { throw AuditLogMissing() }
        let id = try row.decode(column: "id", as: Int64.self)
        try await BulkInsert.insert(sql, into: "motions", columns: ["meeting_id", "number", "matter", "title"],
                                    rows: plan.motions.map { [.int(id), .int(Int64($0.id)), .int(Int64($0.matter.rawValue)), .text($0.title)] })
        try await BulkInsert.insert(sql, into: "voting_rights", columns: ["meeting_id", "number", "holder", "area_centi", "home_ids"],
                                    rows: roll.rights.map { right in
            [.int(id), .int(Int64(right.id)), .text(right.holder.rawValue), .int(right.area),
             .text(right.homeIDs.map(String.init).joined(separator: ","))]
        })
        try await BulkInsert.insert(sql, into: "voting_right_owners", columns: ["meeting_id", "owner_id", "right_number"],
                                    rows: roll.rightOfOwner.compactMap { key, right in
            Int64(key).map { [.int(id), .int($0), .int(Int64(right))] }
        })
        try await sql.raw("""
            INSERT INTO meeting_heads (meeting_id, seq, hash) VALUES (\(bind: id), 0, \(bind: AuditEntry.genesisHash))
            """).run()
        try await AuditLog.append(AuditChange(action: "meeting.convene", targetType: "meeting", targetID: String(id),
                                              after: ["compound_id": String(compoundID), "title": plan.title,
                                                      "motions": String(plan.motions.count),
                                                      "voting_rights": String(roll.rights.count),
                                                      "ballots_changeable": plan.ballotsChangeable ? "yes" : "no"]),
                                  by: actor, at: now, sql: sql)
        return id
    }

    /// The compound's homes with their owners on the record date; owner keys are owner ids.
    func holdings(ofCompound compoundID: Int64) async throws -> [Holding] {
        let rows = try await database.read { sql in
            try await sql.raw("""
                SELECT h.id, h.area_centi, h.delivered, s.owner_id FROM homes h LEFT JOIN ownerships s ON s.home_id = h.id
                WHERE h.compound_id = \(bind: compoundID) ORDER BY h.id, s.owner_id
                """).all()
        }
        var holdings: [Holding] = []
        var current: (id: Int64, area: Int64, delivered: Bool, owners: [String])?
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            if current?.id != id {
                if let done = current { holdings.append(Holding(homeID: done.id, area: done.area, delivered: done.delivered, owners: done.owners)) }
                current = (id, try row.decode(column: "area_centi", as: Int64.self), try row.decode(column: "delivered", as: Bool.self), [])
            }
            if let owner = try row.decode(column: "owner_id", as: Int64?.self) { current?.owners.append(String(owner)) }
        }
        if let done = current { holdings.append(Holding(homeID: done.id, area: done.area, delivered: done.delivered, owners: done.owners)) }
        return holdings
    }
}
