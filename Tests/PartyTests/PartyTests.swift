import Foundation
import Party
import Testing
import WuyeCore

/// Party building without a database: what an organisation's record needs, coverage as the
/// programmes report it, and an iCalendar feed a phone can subscribe to.
struct PartyTests {
    let today = CivilDate(year: 2026, month: 11, day: 23)!

    @Test func anOrganisationNeedsItsNameMembersSecretaryAndAPastDate() throws {
        let draft = try PartyOrganisationDraft(kind: .companyBranch, name: "青岛某物业党支部", members: "12", secretary: "王建国", establishedOn: "2021-07-01", today: today)
        #expect(draft.members == 12 && draft.establishedOn.text == "2021-07-01")
        let bad: [(String, String, String, String)] = [("党", "12", "王建国", "2021-07-01"), ("青岛某物业党支部", "0", "王建国", "2021-07-01"),
                                                        ("青岛某物业党支部", "12", "", "2021-07-01"), ("青岛某物业党支部", "12", "王建国", "2027-01-01")]
        for (name, members, secretary, day) in bad {
            #expect(throws: DomainError.self) {
                try PartyOrganisationDraft(kind: .gridBranch, name: name, members: members, secretary: secretary, establishedOn: day, today: today)
            }
        }
    }

    @Test func coverageIsThePartOfTheWholeInPermille() {
        #expect(PartyCoverage(covered: 131, of: 131).permille == 1000)
        #expect(PartyCoverage(covered: 36, of: 130).permille == 277)  // 27.69 % → 27.7 %
        #expect(PartyCoverage(covered: 0, of: 0).permille == nil)
    }

    @Test func theFeedIsValidICalendarWithEscapedTextAndFoldedLines() {
        let starts = Date(timeIntervalSince1970: 1_795_395_600)  // 2026-11-23 01:00 UTC, 09:00 in Beijing
        let event = ICalendar.Event(uid: "party-activity-1@wuye", title: "书记接待日：听取业主意见，讨论停车难、加装电梯、垃圾分类等问题的解决办法", place: "党群服务站; 二楼",
                                    description: "第一行\n第二行", starts: starts, ends: starts.addingTimeInterval(7200))
        let feed = ICalendar.feed(name: "测试社区 党建活动", events: [event], stamp: starts)
        let lines = feed.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.contains("END:VCALENDAR") && feed.hasSuffix("\r\n"))
        #expect(lines.contains("DTSTART:20261123T010000Z") && lines.contains("DTEND:20261123T030000Z"))
        #expect(lines.contains("LOCATION:党群服务站\\; 二楼") && lines.contains("DESCRIPTION:第一行\\n第二行"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        // Unfolding (a CRLF followed by a space) gives the summary back whole.
        #expect(feed.replacingOccurrences(of: "\r\n ", with: "").contains("SUMMARY:" + event.title))
    }
}

/// Coordination without a database: a meeting needs its title, agenda and at least two sides; a task
/// its owner and a deadline not in the past.
struct CoordinationDraftTests {
    let today = CivilDate(year: 2026, month: 11, day: 23)!

    @Test func aMeetingBringsAtLeastTwoSidesTogether() throws {
        let meeting = try CoordinationMeetingDraft(kind: .consultation, title: "停车难恳谈会", agenda: "地面车位分配", heldOn: "2026-11-20",
                                                   parties: [.residents, .company, .residents], minutes: "", today: today)
        #expect(meeting.parties == [.company, .residents])
        let alone = #expect(throws: DomainError.self) {
            try CoordinationMeetingDraft(kind: .joint, title: "联席会议", agenda: "议题", heldOn: "2026-11-20", parties: [.company], minutes: "", today: today)
        }
        #expect(alone?.field == "parties")
        #expect(throws: DomainError.self) {
            try CoordinationMeetingDraft(kind: .joint, title: "联席会议", agenda: "议题", heldOn: "2026-11-24", parties: [.company, .committee], minutes: "", today: today)
        }
    }

    @Test func aTaskHasAnOwnerAndADeadlineFromToday() throws {
        #expect(try CoordinationTaskDraft(description: "清理消防通道", assignee: "物业服务企业", dueOn: "2026-11-23", today: today).dueOn == today)
        #expect(throws: DomainError.self) { try CoordinationTaskDraft(description: "清理消防通道", assignee: "物业服务企业", dueOn: "2026-11-22", today: today) }
        #expect(throws: DomainError.self) { try CoordinationTaskDraft(description: "清理消防通道", assignee: "", dueOn: "2026-11-30", today: today) }
    }
}
