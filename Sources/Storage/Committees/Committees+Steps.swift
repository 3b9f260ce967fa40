import Access
import Assembly
import Foundation
import SQLKit
import WuyeCore

extension Committees {
    /// What a step needs besides its day and note.
    public enum StepInput: Sendable {
        case report
        case formGroup(members: [CommitteeMember])
        /// Approve the first assembly's 30 extra days (Qingdao Art. 24).
        case extendFirstAssembly
        case elect(members: [CommitteeMember], termYears: Int)
        case firstMeeting(chair: String, viceChairs: [String])
        case file(number: String)
        case recordSeal(number: String)
        case recordCreditCode(String)
        case recordBankAccount(bank: String, account: String)
        case memberLeaves(memberID: Int64, reason: String)
        case supervisoryBoard(members: [CommitteeMember])

        public var step: Step {
            switch self {
            case .report: .report
            case .formGroup: .formGroup
            case .extendFirstAssembly: .elect
            case .elect: .elect
            case .firstMeeting: .firstMeeting
            case .file: .file
            case .recordSeal: .recordSeal
            case .recordCreditCode: .recordCreditCode
            case .recordBankAccount: .recordBankAccount
            case .memberLeaves: .changeMembers
            case .supervisoryBoard: .supervisoryBoard
            }
        }
    }

    /// Takes one step of the compound's committee on `day`, with a note. `asOffice` says whether the
    /// actor acts for the subdistrict (or community) office or for the committee; the step must be
    /// one that party takes, and one the stage allows.
    public func take(_ input: StepInput, compound: Int64, on day: String, note raw: String, asOffice: Bool,
                     by actor: AuditActor) async throws {
        let taken = try CivilDate.typed(day, notAfter: today)
        let note = raw.trimmedWhitespace
        guard note.count <= 1_000 else {
            throw DomainError(code: "note_too_long", message: "说明最多 1000 字", english: "a note has at most 1,000 characters", field: "note")
        }
        guard asOffice ? input.step.takenByOffice : input.step.takenByCommittee else {
            throw DomainError(code: "not_your_step", message: asOffice ? "这一步由业主委员会办理" : "这一步由街道办事处办理",
                              english: "this step is the \(asOffice ? "committee's" : "office's")", field: "step")
        }
        let now = clock.now()
        try await database.write { sql in
            let current = try await Self.committee(compound, sql: sql)
            var record = current.record
            // An election while a committee serves is its re-election.
            let step: Step = input.step == .elect && record.stage == .active ? .reElect : input.step
            let isExtension: Bool = if case .extendFirstAssembly = input { true } else { false }
            guard isExtension ? record.stage == .preparatoryGroup && !record.extensionApproved : record.allows(step) else {
                throw DomainError(code: "wrong_stage", message: "当前阶段（\(record.stage.chineseName)）不能办理：\(step.chineseName)",
                                  english: "the committee is \(record.stage.rawValue); \(step.rawValue) is not possible now", field: "step")
            }
            if current.rules.firstAssemblyExtensionDays == 0 && isExtension {
                throw DomainError(code: "no_extension", message: "\(current.rules.jurisdiction.chineseName)未规定延期", english: "these rules allow no extension",
                                  field: "step")
            }
            if try await sql.raw("SELECT compound_id FROM committees WHERE compound_id = \(bind: compound)").first() == nil {
                try await sql.raw("""
                    INSERT INTO committees (compound_id, rules, stage, updated_at)
                    VALUES (\(bind: compound), \(bind: current.rules.jurisdiction.rawValue), 'not_started', \(bind: Int64(now.timeIntervalSince1970)))
                    """).run()
            }
            var set: [SQLQueryString] = []
            let text = taken.text
            switch input {
            case .report:
                set.append("reported_on = \(bind: text)")
            case .formGroup(let members):
                try await replace(.preparatoryGroup, with: try CommitteeMakeUp.preparatoryGroup(members, rules: current.rules),
                                  compound: compound, on: text, sql: sql)
                set.append("group_formed_on = \(bind: text)")
            case .extendFirstAssembly:
                set.append("extension_approved = TRUE")
            case .elect(let members, let years):
                let committee = try CommitteeMakeUp.committee(members, termYears: years, rules: current.rules)
                try await replace(.committee, with: committee, compound: compound, on: text, sql: sql)
                if record.stage == .preparatoryGroup { try await replace(.preparatoryGroup, with: [], compound: compound, on: text, sql: sql) }
                set += ["elected_on = \(bind: text)", "term_years = \(bind: Int64(years))", "full_size = \(bind: Int64(committee.count))",
                        "first_meeting_on = NULL", "filed_on = NULL", "filing_number = NULL"]
                record.firstMeetingOn = nil
            case .firstMeeting(let chair, let vices):
                try await chooseOfficers(chair: chair, viceChairs: vices, compound: compound, sql: sql)
                set.append("first_meeting_on = \(bind: text)")
            case .file(let number):
                set += ["filed_on = \(bind: text)", "filing_number = \(bind: try Self.number(number, field: "number"))"]
            case .recordSeal(let number):
                set += ["seal_on = \(bind: text)", "seal_number = \(bind: try Self.number(number, field: "number"))"]
            case .recordCreditCode(let code):
                let checked: CreditCode
                do { checked = try CreditCode(code) } catch let error as DomainError { throw error.on(field: "credit_code") }
                set.append("credit_code = \(bind: checked.rawValue)")
            case .recordBankAccount(let bank, let account):
                let digits = account.filter { !$0.isWhitespace }
                guard (8...30).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    throw DomainError(code: "invalid_account", message: "银行账号应为 8 到 30 位数字", english: "an account number has 8 to 30 digits",
                                      field: "account")
                }
                set += ["bank_name = \(bind: try Self.number(bank, field: "bank"))", "bank_account = \(bind: digits)"]
            case .memberLeaves(let id, let reason):
                let why = reason.trimmedWhitespace
                guard (1...100).contains(why.count) else {
                    throw DomainError(code: "reason_required", message: "请写明离任原因（如书面辞职、不再是业主）",
                                      english: "give the reason the member leaves", field: "reason")
                }
                guard try await sql.raw("""
                    UPDATE committee_members SET left_on = \(bind: text), left_reason = \(bind: why)
                    WHERE id = \(bind: id) AND compound_id = \(bind: compound) AND left_on IS NULL RETURNING id
                    """).first() != nil else {
                    throw DomainError(code: "no_such_member", message: "该成员不在任", english: "no such serving member", field: "member")
                }
            case .supervisoryBoard(let members):
                guard (1...15).contains(members.count), members.allSatisfy(\.isOwner) else {
                    throw DomainError(code: "board_size", message: "业主监事会由 1 到 15 名业主组成", english: "a supervisory board has 1 to 15 owners",
                                      field: "members")
                }
                try await replace(.supervisoryBoard, with: members, compound: compound, on: text, sql: sql)
            }
            // Approving the extension moves the deadline, not the stage.
            let next = isExtension ? record.stage : record.stage(after: step)
            set.append("stage = \(bind: next.rawValue)")
            set.append("updated_at = \(bind: Int64(now.timeIntervalSince1970))")
            var update: SQLQueryString = "UPDATE committees SET "
            update += set.joined(separator: ", ")
            update += " WHERE compound_id = \(bind: compound)"
            try await sql.raw(update).run()
            let label = isExtension ? "批准首次业主大会延期" : step.chineseName
            try await sql.raw("""
                INSERT INTO committee_steps (compound_id, step, taken_on, note, actor_label, at)
                VALUES (\(bind: compound), \(bind: step.rawValue), \(bind: text), \(bind: note.isEmpty ? label : label + "：" + note),
                        \(bind: actor.label), \(bind: Int64(now.timeIntervalSince1970)))
                """).run()
            try await AuditLog.append(AuditChange(action: "committee.\(isExtension ? "extend" : step.rawValue)", targetType: "compound",
                                                  targetID: String(compound),
                                                  before: ["stage": record.stage.rawValue],
                                                  after: ["stage": next.rawValue, "on": text]),
                                      by: actor, at: now, sql: sql)
        }
    }

    /// A certificate number, a bank's name: 1 to 60 characters.
    static func number(_ raw: String, field: String) throws(DomainError) -> String {
        let text = raw.trimmedWhitespace
        guard (1...60).contains(text.count) else {
            throw DomainError(code: "invalid_\(field)", message: "请填写编号或名称（60 字以内）", english: "1 to 60 characters", field: field)
        }
        return text
    }

    /// Ends the serving members of `body` and seats `members`.
    func replace(_ body: Body, with members: [CommitteeMember], compound: Int64, on day: String, sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE committee_members SET left_on = \(bind: day), left_reason = '换届或解散'
            WHERE compound_id = \(bind: compound) AND body = \(bind: body.rawValue) AND left_on IS NULL
            """).run()
        guard !members.isEmpty else { return }
        try await BulkInsert.insert(sql, into: "committee_members",
                                    columns: ["compound_id", "body", "name", "role", "is_owner", "from_subdistrict", "joined_on"],
                                    rows: members.map { [.int(compound), .text(body.rawValue), .text($0.name), .text($0.role.rawValue),
                                                         .bool($0.isOwner), .bool($0.fromSubdistrict), .text(day)] })
    }

    /// The first meeting's choice of chair and vice-chairs, from the serving committee.
    func chooseOfficers(chair: String, viceChairs: [String], compound: Int64, sql: any SQLDatabase) async throws {
        let serving = try await sql.raw("""
            SELECT id, name FROM committee_members WHERE compound_id = \(bind: compound) AND body = 'committee' AND left_on IS NULL
            """).all().map { (id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self)) }
        let names = Set(serving.map(\.name))
        let chairName = chair.trimmedWhitespace, vices = viceChairs.map(\.trimmedWhitespace).filter { !$0.isEmpty }
        guard names.contains(chairName), vices.allSatisfy(names.contains), !vices.contains(chairName), vices.count <= 2 else {
            throw DomainError(code: "officers_not_members", message: "主任、副主任须从当选委员中选出（副主任至多 2 名）",
                              english: "the chair and up to two vice-chairs are elected members", field: "chair")
        }
        for member in serving {
            let role: CommitteeMember.Role = member.name == chairName ? .chair : vices.contains(member.name) ? .viceChair : .member
            try await sql.raw("UPDATE committee_members SET role = \(bind: role.rawValue) WHERE id = \(bind: member.id)").run()
        }
    }
}
