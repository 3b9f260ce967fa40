import Access
import Assembly
import Foundation
import Registry
import Storage
import Testing
import WuyeCore

/// A committee from the report to its re-election on both databases: each step in its stage, by
/// its party, with its numbers checked, kept and audited.
@Suite(.serialized)
struct CommitteeStoreTests {
    @Test(arguments: TestBackend.available)
    func aCommitteeIsFormedFiledAndReElectedStepByStep(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18 in Beijing
        let committees = Committees(database: db, clock: clock)
        let office = AuditActor(accountID: nil, label: "街道工作人员"), chair = AuditActor(accountID: nil, label: "业委会主任")
        let compound: Int64 = 1
        #expect(try await committees.committee(compound: compound).record.stage == .notStarted)
        await #expect(throws: DomainError.self) {
            try await committees.take(.formGroup(members: []), compound: compound, on: "2026-11-01", note: "", asOffice: true, by: office)
        }
        await #expect(throws: DomainError.self) {  // the report is the office's to record
            try await committees.take(.report, compound: compound, on: "2026-11-01", note: "", asOffice: false, by: chair)
        }
        await #expect(throws: DomainError.self) {  // not a day in the future
            try await committees.take(.report, compound: compound, on: "2026-12-01", note: "", asOffice: true, by: office)
        }
        try await committees.take(.report, compound: compound, on: "2026-11-01", note: "开发建设单位书面报告", asOffice: true, by: office)
        let group = try CommitteeMember.lines("张一\n张二\n张三\n张四\n社区代表,非业主\n派出所代表,非业主\n李主任,街道")
        try await committees.take(.formGroup(members: group), compound: compound, on: "2026-11-05", note: "", asOffice: true, by: office)
        var committee = try await committees.committee(compound: compound)
        #expect(committee.record.stage == .preparatoryGroup && committee.rules == .qingdao)
        #expect(committee.record.due(committee.rules).first?.by == CivilDate(text: "2027-01-04"))
        #expect(try await committees.members(compound: compound).first { $0.member.role == .leader }?.member.name == "李主任")
        try await committees.take(.extendFirstAssembly, compound: compound, on: "2026-11-06", note: "", asOffice: true, by: office)
        committee = try await committees.committee(compound: compound)
        #expect(committee.record.stage == .preparatoryGroup && committee.record.due(committee.rules).first?.by == CivilDate(text: "2027-02-03"))
        await #expect(throws: DomainError.self) {  // once
            try await committees.take(.extendFirstAssembly, compound: compound, on: "2026-11-06", note: "", asOffice: true, by: office)
        }

        try await committees.take(.elect(members: try CommitteeMember.lines("王一\n王二\n王三\n王四\n王五"), termYears: 5), compound: compound,
                                  on: "2026-11-15", note: "首次业主大会表决通过", asOffice: true, by: office)
        #expect(try await committees.members(compound: compound).allSatisfy { $0.body == .committee })
        await #expect(throws: DomainError.self) {  // the chair first
            try await committees.take(.file(number: "备 001"), compound: compound, on: "2026-11-16", note: "", asOffice: true, by: office)
        }
        let notAMember = await #expect(throws: DomainError.self) {
            try await committees.take(.firstMeeting(chair: "赵六", viceChairs: []), compound: compound, on: "2026-11-16", note: "",
                                      asOffice: false, by: chair)
        }
        #expect(notAMember?.field == "chair")
        try await committees.take(.firstMeeting(chair: "王一", viceChairs: ["王二"]), compound: compound, on: "2026-11-16", note: "",
                                  asOffice: false, by: chair)
        try await committees.take(.file(number: "市南备〔2026〕001 号"), compound: compound, on: "2026-11-17", note: "", asOffice: true, by: office)
        try await committees.take(.recordSeal(number: "刻章 2026-18"), compound: compound, on: "2026-11-18", note: "", asOffice: true, by: office)
        let badCode = await #expect(throws: DomainError.self) {
            try await committees.take(.recordCreditCode("91350100M000100Y44"), compound: compound, on: "2026-11-18", note: "", asOffice: false, by: chair)
        }
        #expect(badCode?.field == "credit_code")
        try await committees.take(.recordCreditCode("91350100M000100Y43"), compound: compound, on: "2026-11-18", note: "", asOffice: false, by: chair)
        try await committees.take(.recordBankAccount(bank: "青岛银行市南支行", account: "6222 0212 3456 7890"), compound: compound,
                                  on: "2026-11-18", note: "", asOffice: false, by: chair)
        committee = try await committees.committee(compound: compound)
        #expect(committee.record.stage == .active && committee.bankAccount == "****7890" && committee.filingNumber == "市南备〔2026〕001 号")
        #expect(committee.record.termEnds == CivilDate(text: "2031-11-15"))

        // Three of five leave: fewer than half serve, so a new election is required.
        let serving = try await committees.members(compound: compound)
        for member in serving.prefix(3) {
            try await committees.take(.memberLeaves(memberID: member.id, reason: "书面辞职"), compound: compound, on: "2026-11-18", note: "",
                                      asOffice: false, by: chair)
        }
        #expect(try await committees.committee(compound: compound).record.reElectionRequired)
        try await committees.take(.elect(members: try CommitteeMember.lines("刘一\n刘二\n刘三"), termYears: 3), compound: compound,
                                  on: "2026-11-18", note: "换届", asOffice: true, by: office)
        committee = try await committees.committee(compound: compound)
        #expect(committee.record.stage == .elected && committee.record.firstMeetingOn == nil && committee.record.fullSize == 3)
        #expect(try await committees.steps(compound: compound).last?.step == .reElect)

        let document = try await committees.attach(name: "备案证明", bytes: Array("%PDF-1.7 scan".utf8), to: .file, compound: compound, by: office)
        #expect(try await committees.document(id: document, compound: compound)?.contentType == "application/pdf")
        #expect(try await committees.document(id: document, compound: compound + 1) == nil)
        let audit = try await AuditLog(database: db).entries(targetType: "compound", targetID: String(compound)).map(\.action)
        #expect(audit.contains("committee.report") && audit.contains("committee.re_elect") && audit.contains("committee.document"))
    }

    @Test(arguments: TestBackend.available)
    func aDistrictChoosingShandongsRulesAsksForFiveMembers(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let committees = Committees(database: db, clock: ManualClock(Date(timeIntervalSince1970: 1_795_000_000)))
        let district = try #require(DemoCity(scale: .small).compounds.first?.district.code)
        try await committees.setRules(.shandong, for: district, by: .command("test"))
        await #expect(throws: DomainError.self) { try await committees.setRules(.shandong, for: try DivisionCode("370202001"), by: .command("test")) }
        #expect(try await committees.committee(compound: 1).rules == .shandong)
        let overview = try await committees.overview(in: district)
        #expect(overview.contains { $0.compoundID == 1 && $0.stage == .notStarted })
    }
}
