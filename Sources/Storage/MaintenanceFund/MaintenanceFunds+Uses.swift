import Assembly
import Foundation
import Funds
import SQLKit
import WuyeCore

/// A use of the fund step by step (165号令 Art. 23–24). Each step is a guarded move from the stages
/// that may precede it, so two clicks at once move it once; each is written with its step record
/// and its audit entry in one transaction.
extension MaintenanceFunds {
    /// Records a plan: project, budget, contractor, the homes that benefit and share the cost.
    public func propose(_ plan: MaintenancePlan, compound: Int64, by actor: AuditActor) async throws -> Int64 {
        let now = clock.now()
        return try await database.write { sql in
            let homes = try await Self.homes(of: plan.scope, compound: compound, sql: sql)
            guard !homes.isEmpty else {
                throw DomainError(code: "scope_required", message: "所选范围内没有登记房屋", english: "no homes in the chosen scope", field: "scope")
            }
            guard let row = try await sql.raw("""
                INSERT INTO maintenance_fund_uses (compound_id, title, budget_fen, contractor, scope_kind, scope_id, emergency, stage,
                                                   proposed_by_label, created_at, updated_at)
                VALUES (\(bind: compound), \(bind: plan.title), \(bind: plan.budget.rawValue), \(bind: plan.contractor), \(bind: plan.scope.kind),
                        \(bind: plan.scope.id), \(bind: plan.emergency?.rawValue), 'proposed', \(bind: actor.label),
                        \(bind: Int64(now.timeIntervalSince1970)), \(bind: Int64(now.timeIntervalSince1970)))
                RETURNING id
                """).first() else { throw AuditLogMissing() }
            let id = try row.decode(column: "id", as: Int64.self)
            let note = "预算 \(plan.budget) 元，受益 \(homes.count) 户" + (plan.emergency.map { "；紧急情况：\($0.chineseName)" } ?? "")
            try await Self.step(id, .proposed, note: note, actor: actor, at: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "maintenance_fund.propose", targetType: "maintenance_use", targetID: String(id),
                                                  after: ["compound_id": String(compound), "title": plan.title, "budget_fen": String(plan.budget.rawValue),
                                                          "scope": plan.scope.kind, "homes": String(homes.count), "emergency": plan.emergency?.rawValue ?? "no"]),
                                      by: actor, at: now, sql: sql)
            return id
        }
    }

    /// Puts the use to the owners who share its cost (Civil Code Art. 278 para 1 item 5): a meeting of
    /// their voting rights only, with one motion, convened in the same transaction as the move.
    @discardableResult
    public func startVote(use id: Int64, opensAt: Date, closesAt: Date, by actor: AuditActor) async throws -> Int64 {
        guard let use = try await self.use(id: id), use.stage == .proposed, use.emergency == nil else { throw Self.wrongStage }
        let homes = try await database.read { sql in try await Self.homes(of: use.scope, compound: use.compoundID, sql: sql) }
        let assemblies = AssemblyStore(database: database, clock: clock)
        let roll = try await assemblies.roll(ofCompound: use.compoundID, homes: Set(homes.map(\.id)))
        let now = clock.now()
        let plan = try MeetingPlan(title: "维修资金使用表决：\(use.title)",
                                   motions: [(MotionMatter.useMaintenanceFund.rawValue,
                                              "同意使用专项维修资金实施“\(use.title)”，预算 \(use.budget) 元，由\(use.scopeName)受益业主按建筑面积分摊")],
                                   opensAt: opensAt, closesAt: closesAt, publishedAt: now)
        return try await database.write { sql in
            let meeting = try await AssemblyStore.convene(compoundID: use.compoundID, plan: plan, roll: roll, by: actor, at: now, sql: sql)
            try await Self.move(id, to: .voting, emergency: false, note: "业主大会表决：\(roll.rights.count) 个表决权，会议 \(meeting)", actor: actor, at: now, sql: sql)
            try await sql.raw("UPDATE maintenance_fund_uses SET meeting_id = \(bind: meeting) WHERE id = \(bind: id)").run()
            return meeting
        }
    }

    /// Takes the result of the closed meeting: passed or not, as the assembly's tally says.
    @discardableResult
    public func recordVote(use id: Int64, by actor: AuditActor) async throws -> Bool {
        let now = clock.now()
        return try await database.write { sql in
            guard let row = try await sql.raw("""
                SELECT m.status, m.results_json FROM maintenance_fund_uses u JOIN meetings m ON m.id = u.meeting_id
                WHERE u.id = \(bind: id) AND u.stage = 'voting'
                """).first() else { throw Self.wrongStage }
            guard try row.decode(column: "status", as: String.self) == "closed", let json = try row.decode(column: "results_json", as: String?.self),
                  let results = try? JSONDecoder().decode([MotionResult].self, from: Data(json.utf8)), let result = results.first else {
                throw DomainError(code: "vote_open", message: "表决尚未结束计票，请先在会议页面结束会议并计票", english: "the meeting is not closed yet", field: "stage")
            }
            let note = "同意 \(result.count.agreeHeadcount) 人、面积 \(Hundredths.text(result.count.agreeArea)) m²；" + (result.quorum ? "" : "参与表决未达三分之二；")
            try await Self.move(id, to: result.passed ? .passed : .rejected, emergency: false, note: note + (result.passed ? "通过" : "未通过"),
                                actor: actor, at: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "maintenance_fund.vote", targetType: "maintenance_use", targetID: String(id),
                                                  after: ["passed": result.passed ? "yes" : "no"]), by: actor, at: now, sql: sql)
            return result.passed
        }
    }

    /// The committee approves the payout and files it with the housing authority (Art. 23 (4));
    /// an emergency comes here straight from its plan (Art. 24).
    public func approve(use id: Int64, decision raw: String, filing rawFiling: String, by actor: AuditActor) async throws {
        let decision = raw.trimmedWhitespace, filing = rawFiling.trimmedWhitespace
        guard (1...100).contains(decision.count) else {
            throw DomainError(code: "decision_required", message: "请填写业委会决定的文号或会议记录编号", english: "name the committee decision", field: "decision")
        }
        guard (1...50).contains(filing.count) else {
            throw DomainError(code: "filing_required", message: "请填写向住房城乡建设主管部门报备的编号", english: "give the filing number", field: "filing")
        }
        guard let use = try await self.use(id: id) else { throw Self.wrongStage }
        let now = clock.now()
        try await database.write { sql in
            try await Self.move(id, to: .approved, emergency: use.emergency != nil, note: "业委会决定 \(decision)，报备编号 \(filing)", actor: actor, at: now, sql: sql)
            try await sql.raw("UPDATE maintenance_fund_uses SET decision = \(bind: decision), filing_number = \(bind: filing) WHERE id = \(bind: id)").run()
            try await AuditLog.append(AuditChange(action: "maintenance_fund.approve", targetType: "maintenance_use", targetID: String(id),
                                                  after: ["decision": decision, "filing": filing]), by: actor, at: now, sql: sql)
        }
    }

    /// The authority pays the contractor (Art. 23 (5)–(6)): the amount is shared by floor area among
    /// the homes that benefit, exactly to the fen; each home pays its share from its balance, and
    /// what its balance does not cover the owner pays directly (自筹) — never below zero.
    public func disburse(use id: Int64, amount raw: String, on rawDay: String, by actor: AuditActor) async throws {
        let amount: Fen
        do { amount = try Fen.parse(yuan: raw) } catch { throw error.on(field: "amount") }
        let day = try CivilDate.typed(rawDay, notAfter: CivilDate.inChina(clock.now()))
        guard let use = try await self.use(id: id) else { throw Self.wrongStage }
        guard amount > .zero, amount <= use.budget else {
            throw DomainError(code: "invalid_amount", message: "支付金额须大于 0 且不超过预算 \(use.budget) 元", english: "the amount is more than 0 and within the budget",
                              field: "amount")
        }
        let now = clock.now()
        try await database.write { sql in
            let homes = try await Self.homes(of: use.scope, compound: use.compoundID, sql: sql)
            let shares = try Apportionment.byArea(amount, homes: homes.map { ($0.id, $0.area) })
            let balances = try await Self.balances(compound: use.compoundID, sql: sql)
            let drawn = shares.map { share in (share, Fen(max(0, min(share.amount.rawValue, balances[share.homeID]?.balance.rawValue ?? 0)))) }
            let fromFund = drawn.reduce(Fen.zero) { $0 + $1.1 }
            guard fromFund > .zero else {
                throw DomainError(code: "nothing_to_draw", message: "受益房屋的维修资金余额为 0", english: "the homes hold nothing in the fund", field: "amount")
            }
            try await Self.move(id, to: .disbursed, emergency: use.emergency != nil,
                                note: "支付 \(amount) 元：维修资金列支 \(fromFund) 元，业主自筹 \(amount - fromFund) 元，\(shares.count) 户按面积分摊",
                                actor: actor, at: now, sql: sql)
            let entry = try await Self.post(kind: "disbursement", use: id, amount: fromFund, on: day, memo: "支付：\(use.title)",
                                            homes: drawn.filter { $0.1 > .zero }.map { ($0.0.homeID, $0.1) }, first: false,
                                            compound: use.compoundID, actor: actor, at: now, sql: sql)
            try await BulkInsert.insert(sql, into: "maintenance_fund_shares", columns: ["use_id", "home_id", "area_centi", "share_fen", "from_fund_fen"],
                                        rows: drawn.map { [.int(id), .int($0.0.homeID), .int($0.0.area), .int($0.0.amount.rawValue), .int($0.1.rawValue)] })
            try await AuditLog.append(AuditChange(action: "maintenance_fund.disburse", targetType: "maintenance_use", targetID: String(id),
                                                  after: ["entry": String(entry), "amount_fen": String(amount.rawValue), "from_fund_fen": String(fromFund.rawValue),
                                                          "homes": String(shares.count)]), by: actor, at: now, sql: sql)
        }
    }

    /// The committee records the works' acceptance (竣工验收).
    public func accept(use id: Int64, note raw: String, by actor: AuditActor) async throws {
        let note = raw.trimmedWhitespace
        guard (2...200).contains(note.count) else {
            throw DomainError(code: "acceptance_required", message: "请填写验收意见（2–200 字）", english: "give the acceptance note", field: "acceptance")
        }
        guard let use = try await self.use(id: id) else { throw Self.wrongStage }
        let now = clock.now()
        try await database.write { sql in
            try await Self.move(id, to: .accepted, emergency: use.emergency != nil, note: note, actor: actor, at: now, sql: sql)
            try await sql.raw("UPDATE maintenance_fund_uses SET acceptance = \(bind: note) WHERE id = \(bind: id)").run()
            try await AuditLog.append(AuditChange(action: "maintenance_fund.accept", targetType: "maintenance_use", targetID: String(id),
                                                  after: ["acceptance": note]), by: actor, at: now, sql: sql)
        }
    }

    /// Publishes the use with every home's share to the compound's owners (Art. 29; Civil Code Art. 281).
    public func publish(use id: Int64, by actor: AuditActor) async throws {
        guard let use = try await self.use(id: id) else { throw Self.wrongStage }
        let now = clock.now()
        try await database.write { sql in
            try await Self.move(id, to: .published, emergency: use.emergency != nil, note: "向业主公示项目、费用及各户分摊", actor: actor, at: now, sql: sql)
            try await AuditLog.append(AuditChange(action: "maintenance_fund.publish", targetType: "maintenance_use", targetID: String(id), after: [:]),
                                      by: actor, at: now, sql: sql)
        }
    }

    // MARK: inside the transaction

    static let wrongStage = DomainError(code: "wrong_stage", message: "该维修资金使用项目当前所处阶段不能进行此操作", english: "the use is not at a stage that allows this",
                                        field: "stage")

    static func move(_ id: Int64, to stage: MaintenanceUseStage, emergency: Bool, note: String, actor: AuditActor, at now: Date,
                     sql: any SQLDatabase) async throws {
        let from = MaintenanceUseStage.before(stage, emergency: emergency).map(\.rawValue)
        guard !from.isEmpty, try await sql.raw("""
            UPDATE maintenance_fund_uses SET stage = \(bind: stage.rawValue), updated_at = \(bind: Int64(now.timeIntervalSince1970))
            WHERE id = \(bind: id) AND stage IN (\(binds: from)) AND (emergency IS NOT NULL) = \(bind: emergency) RETURNING id
            """).first() != nil else { throw wrongStage }
        try await step(id, stage, note: note, actor: actor, at: now, sql: sql)
    }

    static func step(_ id: Int64, _ stage: MaintenanceUseStage, note: String, actor: AuditActor, at now: Date, sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO maintenance_fund_use_steps (use_id, seq, stage, note, by_label, at)
            SELECT \(bind: id), COALESCE(MAX(seq), 0) + 1, \(bind: stage.rawValue), \(bind: note), \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970))
            FROM maintenance_fund_use_steps WHERE use_id = \(bind: id)
            """).run()
    }

    /// The homes of a scope inside the compound, with their areas.
    static func homes(of scope: MaintenanceScope, compound: Int64, sql: any SQLDatabase) async throws -> [(id: Int64, area: Int64)] {
        var query = SQLQueryString("SELECT id, area_centi FROM homes WHERE compound_id = \(bind: compound)")
        switch scope {
        case .compound: break
        case .building(let building): query.appendInterpolation(unsafeRaw: " AND building_id = "); query.appendInterpolation(bind: building)
        case .unit(let unit): query.appendInterpolation(unsafeRaw: " AND unit_id = "); query.appendInterpolation(bind: unit)
        }
        query.appendInterpolation(unsafeRaw: " ORDER BY id")
        return try await sql.raw(query).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "area_centi", as: Int64.self)) }
    }
}
