import Assembly
import Testing
import WuyeCore

/// The committee's lifecycle by Qingdao's and Shandong's numbers: who may serve, when each step is
/// due, and what each stage allows.
struct CommitteeTests {
    func day(_ text: String) throws -> CivilDate { try #require(CivilDate(text: text)) }

    func people(owners: Int, others: Int = 0, representatives: Int = 1) throws -> [CommitteeMember] {
        try (0..<owners).map { try CommitteeMember(name: "业主\($0)", isOwner: true, line: $0 + 1) }
            + (0..<others).map { try CommitteeMember(name: "社区\($0)", isOwner: false, line: $0 + 1) }
            + (0..<representatives).map { try CommitteeMember(name: "街道\($0)", isOwner: false, fromSubdistrict: true, line: $0 + 1) }
    }

    @Test func theFirstAssemblyIsDueAtHalfTheAreaOrHomesDeliveredOrTwoYearsAndAQuarter() throws {
        let today = try day("2026-11-23")
        #expect(DeliveryState(homes: 100, deliveredHomes: 10, area: 10_000_00, deliveredArea: 5_000_00).eligibility(firstDelivered: nil, today: today) == "已交付面积达到 50%")
        #expect(DeliveryState(homes: 100, deliveredHomes: 10, area: 10_000_00, deliveredArea: 4_999_99).eligibility(firstDelivered: nil, today: today) == nil)
        #expect(DeliveryState(homes: 100, deliveredHomes: 50, area: 10_000_00, deliveredArea: 0).eligibility(firstDelivered: nil, today: today) == "已交付户数达到 50%")
        let quarter = DeliveryState(homes: 100, deliveredHomes: 25, area: 10_000_00, deliveredArea: 2_000_00)
        #expect(quarter.eligibility(firstDelivered: try day("2024-11-23"), today: today) == "首户交付满两年且已交付户数达到 25%")
        #expect(quarter.eligibility(firstDelivered: try day("2024-11-24"), today: today) == nil)
        #expect(DeliveryState(homes: 100, deliveredHomes: 24, area: 1, deliveredArea: 0).eligibility(firstDelivered: try day("2020-01-01"), today: today) == nil)
    }

    @Test func aPreparatoryGroupIsSevenOrMoreOddHalfOwnersLedByTheSubdistrict() throws {
        let group = try CommitteeMakeUp.preparatoryGroup(try people(owners: 4, others: 2), rules: .qingdao)
        #expect(group.count == 7 && group.filter { $0.role == .leader }.map(\.name) == ["街道0"])
        for (members, code) in [(try people(owners: 4, others: 1), "group_size"), (try people(owners: 5, others: 2), "group_size"),
                                (try people(owners: 3, others: 3), "group_owners"), (try people(owners: 5, others: 0, representatives: 2), "group_leader"),
                                (try people(owners: 7, representatives: 0), "group_leader")] {
            let error = #expect(throws: DomainError.self) { try CommitteeMakeUp.preparatoryGroup(members, rules: .qingdao) }
            #expect(error?.code == code && error?.message.contains("《青岛市物业管理条例》第二十二、二十三条") == true)
        }
    }

    @Test func aCommitteeIsAnOddNumberOfOwnersAtTheJurisdictionsMinimumForAtMostFiveYears() throws {
        let three = try people(owners: 3, representatives: 0)
        #expect(try CommitteeMakeUp.committee(three, termYears: 5, rules: .qingdao).count == 3)
        #expect(#expect(throws: DomainError.self) { try CommitteeMakeUp.committee(three, termYears: 5, rules: .shandong) }?.message.contains("5 人以上") == true)
        #expect(#expect(throws: DomainError.self) { try CommitteeMakeUp.committee(try people(owners: 4, representatives: 0), termYears: 5, rules: .qingdao) }?.code == "committee_size")
        #expect(#expect(throws: DomainError.self) { try CommitteeMakeUp.committee(try people(owners: 2, others: 1, representatives: 0), termYears: 5, rules: .qingdao) }?.code == "committee_owners")
        #expect(#expect(throws: DomainError.self) { try CommitteeMakeUp.committee(three, termYears: 6, rules: .qingdao) }?.field == "term_years")
    }

    @Test func membersAreTypedOnePerLineWithTheirStanding() throws {
        let members = try CommitteeMember.lines("王建国\n李秀英，街道\n\n赵志强,非业主\n")
        #expect(members.map(\.name) == ["王建国", "李秀英", "赵志强"])
        #expect(members.map(\.isOwner) == [true, false, false] && members.map(\.fromSubdistrict) == [false, true, false])
        #expect(#expect(throws: DomainError.self) { try CommitteeMember.lines("王建国,物业") }?.message.contains("第 1 行") == true)
    }

    @Test func eachStageHasItsNextStepDueByTheRulesDays() throws {
        var record = CommitteeRecord()
        #expect(record.due(.qingdao).map(\.step) == [.report] && record.allows(.report) && !record.allows(.formGroup))
        record.stage = .reported
        record.reportedOn = try day("2026-01-01")
        #expect(record.due(.qingdao).first?.by == (try day("2026-01-31")))
        #expect(record.due(.shandong).first?.by == (try day("2026-03-02")))
        record.stage = .preparatoryGroup
        record.groupFormedOn = try day("2026-02-01")
        #expect(record.due(.qingdao).first?.by == (try day("2026-04-02")))
        record.extensionApproved = true
        #expect(record.due(.qingdao).first?.by == (try day("2026-05-02")))
        record.stage = .elected
        record.electedOn = try day("2026-04-10")
        let elected = [try day("2026-04-13"), try day("2026-05-10")]
        #expect(record.due(.qingdao).map(\.step) == [.firstMeeting, .file] && record.due(.qingdao).map(\.by) == elected)
        #expect(!record.allows(.file))  // not before the chair is elected
        record.firstMeetingOn = try day("2026-04-12")
        #expect(record.allows(.file) && record.stage(after: .file) == .filed)
        record.stage = .active
        record.termYears = 5
        record.fullSize = 5
        record.serving = 3
        #expect(record.termEnds == (try day("2031-04-10")))
        let notices = [try day("2031-02-09"), try day("2031-01-10")]
        #expect(record.due(.qingdao).map(\.by) == [notices[0]])
        #expect(record.due(.shandong).map(\.by) == [notices[1]])
        record.serving = 2
        #expect(record.reElectionRequired && record.due(.qingdao).first?.by == nil)
        #expect(record.allows(.reElect) && record.stage(after: .reElect) == .elected)
        #expect(CommitteeRules.qingdao.citation(.file) == "《青岛市物业管理条例》第三十七条")
    }

    @Test func documentsAreScansOrPDFsUpToTenMegabytes() throws {
        #expect(try CommitteeDocument.check(name: "备案证明", bytes: Array("%PDF-1.7 ...".utf8)).kind == .pdf)
        #expect(#expect(throws: DomainError.self) { try CommitteeDocument.check(name: "x", bytes: Array("<html>".utf8)) }?.field == "file")
        #expect(#expect(throws: DomainError.self) { try CommitteeDocument.check(name: " ", bytes: Array("%PDF-".utf8)) }?.field == "name")
    }
}
