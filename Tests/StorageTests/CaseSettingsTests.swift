import Access
import Cases
import Foundation
import Registry
import Storage
import Testing
import WuyeCore

/// A district's routing table and the working calendar, as offices set them: new cases follow them.
@Suite(.serialized)
struct CaseSettingsTests {
    @Test(arguments: TestBackend.available)
    func aDistrictsRoutesAndTheCalendarDecideWhereNewCasesGoAndWhenTheyAreDue(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let district = try #require(world.district.roles.first?.division)
        let settings = CaseSettings(database: world.db, clock: world.clock)
        let office = world.actor(world.district)
        let before = try #require(try await world.queries.find(id: try await world.report(.repair)))
        #expect(before.level == .company && before.department == .housing)

        let changed = try await settings.setRoutes([.repair: .init(firstLevel: .grid, department: .urbanManagement),
                                                    .dispute: CaseRouting.standard.routes[.dispute]!], district: district, by: office)
        #expect(changed == 1)
        await #expect(throws: DomainError.self) {
            try await settings.setRoutes([.repair: .init(firstLevel: .subdistrict, department: .housing)], district: district, by: office)
        }
        await #expect(throws: DomainError.self) {
            try await settings.setRoutes([:], district: try #require(district.parent), by: office)
        }
        let routed = try #require(try await world.queries.find(id: try await world.report(.repair)))
        #expect(routed.level == .grid && routed.department == .urbanManagement)

        // The next three days off: the same report is due three working days later.
        let today = CivilDate.inChina(world.clock.now())
        let days = try (1...3).map { try CaseSettings.CalendarDay(day: CivilDate(daysSince1970: today.daysSince1970 + $0).text, working: false, note: "测试假日") }
        try await settings.setDays(days, by: office)
        #expect(try await settings.calendarDays(year: days[0].day.year).contains(days[0]))
        let later = try #require(try await world.queries.find(id: try await world.report(.repair)))
        #expect(later.dueAt > routed.dueAt.addingTimeInterval(86_400))
        for day in days { try await settings.removeDay(day.day, by: office) }
        await #expect(throws: DomainError.self) { try await settings.removeDay(days[0].day, by: office) }
        let actions = try await AuditLog(database: world.db).entries(targetType: "calendar_day").map(\.action)
        #expect(actions.filter { $0 == "calendar.set" }.count == 3 && actions.filter { $0 == "calendar.remove" }.count == 3)
    }

    @Test func aCalendarFileNamesEveryBadRowAndYieldsNothingFromThem() throws {
        let file = "\u{FEFF}日期,类型,说明\n2027-01-01,放假,元旦\n2027-02-30,放假,春节\n2027-02-07,maybe,春节\n2027-01-01,放假,元旦\n2027-02-10,放假,\n"
        let (days, problems) = try CalendarFile.read(CSVReader(text: file))
        #expect(days.map(\.day.text) == ["2027-01-01"])
        #expect(problems == ["line 3: day: a date is YYYY-MM-DD", "line 4: working: \"maybe\" is not yes/no (上班/放假)",
                             "line 5: day: 2027-01-01 appears twice", "line 6: note: a note of 1 to 40 characters, e.g. 春节"])
        #expect(try CalendarFile.read(CSVReader(text: "date,kind\n")).problems == ["line 1: missing columns day, working, note"])
        let good = try CalendarFile.read(CSVReader(text: "day,working,note\r\n2027-02-06,yes,春节调休\r\n"))
        #expect(good.problems.isEmpty && good.days.first?.working == true)
    }
}
