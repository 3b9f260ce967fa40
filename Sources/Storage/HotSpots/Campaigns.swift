import Cases
import Foundation
import SQLKit
import WuyeCore

/// Remediation campaigns (整治行动): an office launches one over the key compounds of its area with
/// measures and a deadline; each compound's company reports what it did; the office re-checks and
/// accepts or sends it back. Every step is audited; the rate counts re-checked compounds only.
public struct Campaigns: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Summary: Sendable, Equatable {
        public let id: Int64
        public let division: DivisionCode
        public let name: String
        public let measures: String
        public let rule: String
        public let periodFrom: String
        public let periodTo: String
        public let startsOn: String
        public let deadline: String
        public let createdBy: String
        public let rate: RectificationRate

        /// Past the deadline with compounds still not rectified.
        public func isOverdue(today: CivilDate) -> Bool {
            (CivilDate(text: deadline).map { today > $0 } ?? false) && rate.rectified < rate.total
        }
    }

    public struct Compound: Sendable, Equatable {
        public let compoundID: Int64
        public let name: String
        public let communityCode: String
        public let complaints: Int
        public let homes: Int
        public let state: RectificationState
        public let reportNote: String?
        public let reportedAt: Date?
        public let recheckNote: String?
        public let rechecks: Int
        /// Complaints reported since the campaign started: whether owners still complain.
        public let complaintsSince: Int
    }

    /// Launches a campaign over `rows` (the key compounds a rule picked), all inside `division`.
    public func launch(_ plan: CampaignPlan, division: DivisionCode, rule: KeyCompoundRule, period: HotSpots.Period,
                       loads: [ComplaintLoad], by actor: AuditActor) async throws -> Int64 {
        let byCompound = Dictionary(loads.map { ($0.compoundID, $0) }, uniquingKeysWith: { first, _ in first })
        let now = clock.now()
        return try await database.write { sql in
            let inside = try await sql.raw("""
                SELECT id FROM compounds WHERE id IN (\(binds: plan.compoundIDs))
                  AND community_code LIKE \(bind: division.sharedPrefix + "%")
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
            guard Set(inside) == Set(plan.compoundIDs) else {
                throw DomainError(code: "compound_outside_division", message: "只能把本辖区的小区列为重点小区",
                                  english: "every key compound lies in the campaign's division", field: "compounds")
            }
            guard let row = try await sql.raw("""
                INSERT INTO remediation_campaigns (division_code, name, measures, rule, period_from, period_to, starts_on, deadline,
                                                   created_by, created_by_label, created_at)
                VALUES (\(bind: division.rawValue), \(bind: plan.name), \(bind: plan.measures), \(bind: rule.chineseDescription),
                        \(bind: period.from.text), \(bind: period.to.text), \(bind: plan.startsOn.text), \(bind: plan.deadline.text),
                        \(bind: actor.accountID), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            try await BulkInsert.insert(sql, into: "campaign_compounds",
                                        columns: ["campaign_id", "compound_id", "complaints", "homes", "state"],
                                        rows: plan.compoundIDs.map { compound in
                let load = byCompound[compound]
                return [.int(id), .int(compound), .int(Int64(load?.complaints ?? 0)), .int(Int64(load?.homes ?? 0)),
                        .text(RectificationState.pending.rawValue)]
            })
            try await AuditLog.append(AuditChange(action: "campaign.launch", targetType: "remediation_campaign", targetID: String(id),
                                                  after: ["name": plan.name, "division": division.rawValue, "deadline": plan.deadline.text,
                                                          "compounds": String(plan.compoundIDs.count), "rule": rule.chineseDescription]),
                                      by: actor, at: now, sql: sql)
            return id
        }
    }

    /// The campaigns with at least one compound inside `scope`, newest first.
    public func list(within scope: CompoundScope, today: String) async throws -> [Summary] {
        try await database.read { sql in
            var query: SQLQueryString = """
                SELECT \(unsafeRaw: Self.summaryColumns) FROM remediation_campaigns r
                WHERE r.id IN (SELECT cc.campaign_id FROM campaign_compounds cc JOIN compounds c ON c.id = cc.compound_id WHERE
                """
            query += " "
            query += scope.condition(today: today)
            query += ") ORDER BY r.id DESC LIMIT 200"
            return try await sql.raw(query).all().map(Self.summary)
        }
    }

    public func campaign(id: Int64) async throws -> Summary? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.summaryColumns) FROM remediation_campaigns r WHERE r.id = \(bind: id)")
                .first().map(Self.summary)
        }
    }

    /// The campaign's compounds inside `scope`, most complained-about first.
    public func compounds(of campaignID: Int64, within scope: CompoundScope, today: String) async throws -> [Compound] {
        try await database.read { sql in
            guard let started = try await sql.raw("SELECT starts_on FROM remediation_campaigns WHERE id = \(bind: campaignID)").first()
                .flatMap({ CivilDate(text: try $0.decode(column: "starts_on", as: String.self)) }) else { return [] }
            var query: SQLQueryString = """
                SELECT cc.*, c.name, c.community_code,
                       (SELECT COUNT(*) FROM cases k WHERE k.compound_id = cc.compound_id AND k.kind = 'complaint'
                          AND k.state <> 'rejected' AND k.reported_at >= \(bind: Int64(started.startInChina.timeIntervalSince1970))) AS since
                FROM campaign_compounds cc JOIN compounds c ON c.id = cc.compound_id
                WHERE cc.campaign_id = \(bind: campaignID) AND (
                """
            query += scope.condition(today: today)
            query += ") ORDER BY cc.complaints DESC, cc.compound_id"
            return try await sql.raw(query).all().map { row in
                Compound(compoundID: try row.decode(column: "compound_id", as: Int64.self),
                         name: try row.decode(column: "name", as: String.self),
                         communityCode: try row.decode(column: "community_code", as: String.self),
                         complaints: Int(try row.decode(column: "complaints", as: Int64.self)),
                         homes: Int(try row.decode(column: "homes", as: Int64.self)),
                         state: try row.known("state", as: RectificationState.self),
                         reportNote: try row.decode(column: "report_note", as: String?.self),
                         reportedAt: try row.decode(column: "reported_at", as: Int64?.self).map { Date(timeIntervalSince1970: Double($0)) },
                         recheckNote: try row.decode(column: "recheck_note", as: String?.self),
                         rechecks: Int(try row.decode(column: "rechecks", as: Int64.self)),
                         complaintsSince: Int(try row.decode(column: "since", as: Int64.self)))
            }
        }
    }

    /// The company reports what it did in a key compound; it waits for the office's re-check.
    public func reportRectification(campaign: Int64, compound: Int64, note raw: String, by actor: AuditActor) async throws {
        let note = try RectificationNote.checked(raw)
        try await move(campaign: campaign, compound: compound, by: actor, action: "campaign.report",
                       step: { state throws(DomainError) in try state.reported() }) { next, now in
            "state = \(bind: next.rawValue), report_note = \(bind: note), reported_at = \(bind: now)"
        }
    }

    /// The office's re-check on site: accepted (rectified) or sent back to the company.
    public func recheck(campaign: Int64, compound: Int64, passed: Bool, note raw: String, by actor: AuditActor) async throws {
        let note = try RectificationNote.checked(raw)
        try await move(campaign: campaign, compound: compound, by: actor, action: passed ? "campaign.recheck_pass" : "campaign.recheck_fail",
                       step: { state throws(DomainError) in try state.rechecked(passed: passed) }) { next, now in
            "state = \(bind: next.rawValue), recheck_note = \(bind: note), rechecked_at = \(bind: now), rechecks = rechecks + 1"
        }
    }

    /// One step of a compound: the update is guarded by the state it was read in, so two people
    /// acting at once cannot both move it.
    private func move(campaign: Int64, compound: Int64, by actor: AuditActor, action: String,
                      step: (RectificationState) throws(DomainError) -> RectificationState,
                      set: (RectificationState, Int64) -> SQLQueryString) async throws {
        let now = clock.now()
        let seconds = Int64(now.timeIntervalSince1970)
        try await database.write { sql in
            guard let row = try await sql.raw("""
                SELECT state FROM campaign_compounds WHERE campaign_id = \(bind: campaign) AND compound_id = \(bind: compound)
                """).first() else {
                throw DomainError(code: "not_in_campaign", message: "该小区不在这次整治行动中", english: "the compound is not in the campaign",
                                  field: "compound")
            }
            let state = try row.known("state", as: RectificationState.self)
            let next = try step(state)
            var update: SQLQueryString = "UPDATE campaign_compounds SET "
            update += set(next, seconds)
            update += " WHERE campaign_id = \(bind: campaign) AND compound_id = \(bind: compound) AND state = \(bind: state.rawValue) RETURNING state"
            guard try await sql.raw(update).first() != nil else {
                throw DomainError(code: "changed_meanwhile", message: "该小区的状态刚被他人更新，请刷新后再试",
                                  english: "the compound changed meanwhile; reload", field: "state")
            }
            try await AuditLog.append(AuditChange(action: action, targetType: "campaign_compound", targetID: "\(campaign)/\(compound)",
                                                  before: ["state": state.rawValue], after: ["state": next.rawValue]),
                                      by: actor, at: now, sql: sql)
        }
    }

    static let summaryColumns = """
        r.*, (SELECT COUNT(*) FROM campaign_compounds x WHERE x.campaign_id = r.id) AS total,
        (SELECT COUNT(*) FROM campaign_compounds x WHERE x.campaign_id = r.id AND x.state = 'rectified') AS rectified
        """

    static func summary(_ row: any SQLRow) throws -> Summary {
        guard let division = DivisionCode(rawValue: try row.decode(column: "division_code", as: String.self)) else {
            throw CaseStoreCorrupt(column: "division_code", value: try row.decode(column: "division_code", as: String.self))
        }
        return Summary(id: try row.decode(column: "id", as: Int64.self), division: division,
                       name: try row.decode(column: "name", as: String.self), measures: try row.decode(column: "measures", as: String.self),
                       rule: try row.decode(column: "rule", as: String.self),
                       periodFrom: try row.decode(column: "period_from", as: String.self),
                       periodTo: try row.decode(column: "period_to", as: String.self),
                       startsOn: try row.decode(column: "starts_on", as: String.self),
                       deadline: try row.decode(column: "deadline", as: String.self),
                       createdBy: try row.decode(column: "created_by_label", as: String.self),
                       rate: RectificationRate(rectified: Int(try row.decode(column: "rectified", as: Int64.self)),
                                               total: Int(try row.decode(column: "total", as: Int64.self))))
    }
}
