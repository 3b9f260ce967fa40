import Access
import Cases
import Testing
import WuyeCore

struct CaseRoutingAndPartiesTests {
    let community = DivisionCode(rawValue: "370202001001")!

    func site(_ level: CaseLevel, company: Int64? = 7, department: Department = .housing, reporter: Int64? = 1) -> CaseSite {
        CaseSite(community: community, compoundID: 3, gridID: 5, companyID: company, department: department, level: level,
                 reporterAccountID: reporter)
    }

    func principal(_ id: Int64, _ roles: [Role]) -> Principal { Principal(accountID: id, name: "某人", mobile: "13900000000", roles: roles) }

    @Test func propertyMattersGoToTheCompanyAndTheRestToTheGrid() {
        let routing = CaseRouting.standard
        #expect(routing.route(.repair, hasCompany: true, hasGrid: true).firstLevel == .company)
        #expect(routing.route(.dispute, hasCompany: true, hasGrid: true) == .init(firstLevel: .grid, department: .publicSecurity))
        #expect(routing.route(.illegalConstruction, hasCompany: true, hasGrid: true).department == .urbanManagement)
    }

    @Test func aCompoundWithoutACompanyOrGridSendsCasesOneLevelUp() {
        let routing = CaseRouting.standard
        #expect(routing.route(.repair, hasCompany: false, hasGrid: true).firstLevel == .grid)
        #expect(routing.route(.repair, hasCompany: false, hasGrid: false).firstLevel == .subdistrict)
    }

    @Test func aDistrictsOwnRouteOverridesTheStandard() {
        var routing = CaseRouting.standard
        routing.routes[.complaint] = .init(firstLevel: .company, department: .marketRegulation)
        #expect(routing.route(.complaint, hasCompany: true, hasGrid: true) == .init(firstLevel: .company, department: .marketRegulation))
        #expect(throws: DomainError.self) { try CaseRouting.checkFirstLevel(.department) }
    }

    @Test func eachSourceReportsItsOwnKinds() throws {
        try CaseSource.owner.check(.repair)
        #expect(throws: DomainError.self) { try CaseSource.owner.check(.illegalConstruction) }
        try CaseSource.steward.check(.dispute)
        #expect(throws: DomainError.self) { try CaseSource.steward.check(.repair) }
        #expect(CaseSource.of(.owner(compound: 3, homes: [1])) == .owner)
        #expect(CaseSource.of(.platformAdministrator) == nil)
    }

    @Test func theLevelHoldingACaseHandlesItAndTheLevelAboveSupervises() throws {
        let steward = principal(2, [try .company(.steward, company: 7)])
        let otherCompany = principal(3, [try .company(.steward, company: 8)])
        let grid = principal(4, [try .gridWorker(grid: 5, community: community)])
        let subdistrict = principal(5, [try .administration(community.parent!)])
        let housing = principal(6, [try .department(.housing, division: community.parent!.parent!)])
        let district = principal(7, [try .administration(community.parent!.parent!)])
        let reporter = principal(1, [.owner(compound: 3, homes: [9])])
        #expect(CaseParties.capacities(of: steward, on: site(.company)) == [.intake, .handler, .verifier])
        #expect(CaseParties.capacities(of: otherCompany, on: site(.company)).isEmpty)
        #expect(CaseParties.capacities(of: grid, on: site(.company)) == [.supervisor])
        #expect(CaseParties.capacities(of: grid, on: site(.grid)) == [.intake, .handler, .verifier])
        #expect(CaseParties.capacities(of: subdistrict, on: site(.grid)) == [.supervisor])
        #expect(CaseParties.capacities(of: housing, on: site(.department)) == [.intake, .handler, .verifier])
        #expect(CaseParties.capacities(of: housing, on: site(.department, department: .fireRescue)).isEmpty)
        #expect(CaseParties.capacities(of: district, on: site(.department)) == [.supervisor])
        #expect(CaseParties.capacities(of: reporter, on: site(.company)) == [.reporter])
        #expect(CaseParties.mayView(reporter, site(.grid)))
        #expect(!CaseParties.mayView(principal(8, [.owner(compound: 3, homes: [10])]), site(.grid)))
        #expect(!CaseParties.mayView(otherCompany, site(.company)))
        #expect(!CaseParties.mayView(housing, site(.subdistrict)))
        #expect(CaseParties.mayView(housing, site(.department)))
        #expect(!CaseParties.mayView(principal(9, [.platformAdministrator]), site(.grid)))
    }

    @Test func oneActorHoldingSeveralCapacitiesMakesTheStepInTheRightOne() throws {
        let step = try CaseWorkflow.next(.feedback, .startVerifying, capacities: [.intake, .handler, .verifier])
        #expect(step.state == .verifying && step.capacity == .verifier)
        #expect(CaseWorkflow.events(from: .registered, capacities: [.intake, .handler, .verifier, .supervisor]) == [.dispatch, .suspend])
        let wrong = #expect(throws: DomainError.self) { try CaseWorkflow.next(.closed, .reopen, capacities: [.handler]) }
        #expect(wrong?.code == "not_your_step")
        let never = #expect(throws: DomainError.self) { try CaseWorkflow.next(.reported, .close, capacities: [.verifier]) }
        #expect(never?.code == "transition_not_allowed")
    }

    @Test func photosAreCheckedByTheirBytes() throws {
        #expect(try CasePhoto.check([0xFF, 0xD8, 0xFF, 0xE1, 0]) == .jpeg)
        #expect(try CasePhoto.check([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(try CasePhoto.check(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(try CasePhoto.check([0, 0, 0, 24] + Array("ftypheic".utf8)) == .heic)
        #expect(throws: DomainError.self) { try CasePhoto.check(Array("<svg onload=alert(1)>".utf8)) }
        #expect(throws: DomainError.self) { try CasePhoto.check([0xFF, 0xD8, 0xFF] + Array(repeating: 0, count: CasePhoto.maxBytes)) }
        #expect(throws: DomainError.self) { try CasePhoto.check([]) }
    }
}
