import Cases
import Testing
import WuyeCore

/// The 万科城 norm (per 500 households: 1 steward, 3 security guards, 4 cleaners) and grids below it.
struct ServiceTeamTests {
    @Test func aGridOf500HouseholdsNeedsOneTeamAnd501NeedTwo() {
        let norm = StaffingNorm.wanke
        #expect(norm.required(forHouseholds: 500) == [.gridWorker: 1, .steward: 1, .securityGuard: 3, .cleaner: 4])
        #expect(norm.required(forHouseholds: 501) == [.gridWorker: 1, .steward: 2, .securityGuard: 6, .cleaner: 8])
        #expect(norm.teams(forHouseholds: 0) == 1)
        #expect(norm.chineseText == "每 500 户：红色管家 1 名、安全员 3 名、保洁员 4 名")
    }

    @Test func aGridMissingAnyoneIsBelowTheNormAndSaysWho() {
        let full = TeamStaffing(households: 476, present: [.gridWorker: 1, .steward: 1, .securityGuard: 3, .cleaner: 4], norm: .wanke)
        #expect(!full.isBelowNorm)
        let short = TeamStaffing(households: 547, present: [.gridWorker: 1, .steward: 2, .securityGuard: 5, .cleaner: 9], norm: .wanke)
        #expect(short.isBelowNorm)
        #expect(short.shortfalls.map(\.role) == [.securityGuard] && short.shortfalls.map(\.missing) == [1])
    }

    @Test func aNormOutOfRangeIsRefusedByField() throws {
        #expect(try StaffingNorm(householdsPerTeam: 300, stewards: 1, securityGuards: 2, cleaners: 3).required(forHouseholds: 301)[.cleaner] == 6)
        for (households, stewards, guards, cleaners, field) in [(10, 1, 3, 4, "households_per_team"), (500, -1, 3, 4, "stewards"),
                                                                (500, 1, 51, 4, "security_guards"), (500, 1, 3, -1, "cleaners")] {
            let error = #expect(throws: DomainError.self) {
                try StaffingNorm(householdsPerTeam: households, stewards: stewards, securityGuards: guards, cleaners: cleaners)
            }
            #expect(error?.field == field)
        }
    }

    @Test func aTeamMemberHasARoleANameAndAPhone() throws {
        let member = try TeamMember(role: "security_guard", name: " 王建国 ", phone: "139 0000 1234")
        #expect(member.role == .securityGuard && member.name == "王建国" && member.phone.rawValue == "13900001234")
        #expect(!TeamRole.gridWorker.isCompanyStaff && TeamRole.cleaner.isCompanyStaff)
        #expect(#expect(throws: DomainError.self) { try TeamMember(role: "guard", name: "王", phone: "13900001234") }?.field == "role")
        #expect(#expect(throws: DomainError.self) { try TeamMember(role: "cleaner", name: "", phone: "13900001234") }?.field == "name")
        #expect(#expect(throws: DomainError.self) { try TeamMember(role: "cleaner", name: "王", phone: "12345") }?.field == "phone")
    }
}
