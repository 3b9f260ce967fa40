import Access
import Testing
import WuyeCore

/// A small world: two compounds in two communities of one subdistrict, a third in another district.
private enum World {
    static let city = try! DivisionCode("370200")
    static let shinan = try! DivisionCode("370202")
    static let laoshan = try! DivisionCode("370212")
    static let subdistrict = try! DivisionCode("370202001")
    static let community = try! DivisionCode("370202001001")
    static let otherCommunity = try! DivisionCode("370202001002")
    static let laoshanCommunity = try! DivisionCode("370212001001")

    /// Compound 1 (grids 11, 12; company 7), its home 100 in grid 11.
    static let compound = Place(division: community, compoundID: 1, gridIDs: [11, 12], servingCompanyIDs: [7])
    static let home = Place(division: community, compoundID: 1, homeID: 100, gridIDs: [11], servingCompanyIDs: [7])
    static let neighbourHome = Place(division: community, compoundID: 1, homeID: 101, gridIDs: [12], servingCompanyIDs: [7])
    /// Compound 2 next door (grid 21, company 8) and compound 3 in another district (grid 31, company 7).
    static let nextCompound = Place(division: otherCommunity, compoundID: 2, gridIDs: [21], servingCompanyIDs: [8])
    static let farCompound = Place(division: laoshanCommunity, compoundID: 3, gridIDs: [31], servingCompanyIDs: [7])
}

struct AccessPolicyTests {
    @Test func theSubdistrictConvenesOnlyTheFirstAssemblyOfAGroupItLeads() throws {
        var preparing = World.compound
        preparing.preparatoryGroup = true
        let subdistrict = [try Role.administration(World.subdistrict)], district = [try Role.administration(World.shinan)]
        #expect(AccessPolicy.decide(.conveneMeeting, at: preparing, roles: subdistrict) == .allowed)
        #expect(AccessPolicy.decide(.conveneMeeting, at: World.compound, roles: subdistrict) == .notFound)
        #expect(AccessPolicy.decide(.conveneMeeting, at: preparing, roles: district) == .forbidden)
        var farPreparing = World.farCompound
        farPreparing.preparatoryGroup = true
        #expect(AccessPolicy.decide(.conveneMeeting, at: farPreparing, roles: subdistrict) == .notFound)
        #expect(AccessPolicy.decide(.conveneMeeting, at: preparing, roles: [try Role.committee(.committeeMember, compound: 1)]) == .forbidden)
    }

    @Test func anOwnerSeesTheirCompoundAndOwnHomesOnly() {
        let owner = [Role.owner(compound: 1, homes: [100])]
        #expect(AccessPolicy.decide(.viewRegistry, at: World.compound, roles: owner) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.home, roles: owner) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.neighbourHome, roles: owner) == .notFound)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.nextCompound, roles: owner) == .notFound)
        #expect(AccessPolicy.decide(.viewRegistry, at: .division(World.community), roles: owner) == .notFound)
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.home, roles: owner) == .allowed)
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.neighbourHome, roles: owner) == .notFound)
    }

    @Test func actionsARoleNeverHasAreForbiddenNotHidden() {
        let owner = [Role.owner(compound: 1, homes: [100])]
        #expect(AccessPolicy.decide(.viewAuditLog, at: .platform, roles: owner) == .forbidden)
        #expect(AccessPolicy.decide(.manageAccounts, at: World.compound, roles: owner) == .forbidden)
        let member = [try! Role.committee(.committeeMember, compound: 1)]
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.home, roles: member) == .forbidden)
    }

    @Test func aCommitteeSeesItsWholeCompoundButNotTheNextOne() throws {
        let chair = [try Role.committee(.committeeChair, compound: 1)]
        #expect(AccessPolicy.decide(.viewRegistry, at: World.neighbourHome, roles: chair) == .allowed)
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.neighbourHome, roles: chair) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.nextCompound, roles: chair) == .notFound)
    }

    @Test func aCompanySeesTheCompoundsItServesWhereverTheyAre() throws {
        let steward = [try Role.company(.steward, company: 7)]
        #expect(AccessPolicy.decide(.viewRegistry, at: World.home, roles: steward) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.farCompound, roles: steward) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.nextCompound, roles: steward) == .notFound)
        #expect(AccessPolicy.decide(.viewRegistry, at: .division(World.community), roles: steward) == .notFound)
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.home, roles: steward) == .allowed)
    }

    @Test func aGridWorkerSeesOnlyWhatLiesInTheirGrid() throws {
        let worker = [try Role.gridWorker(grid: 11, community: World.community)]
        #expect(AccessPolicy.decide(.viewRegistry, at: World.compound, roles: worker) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.home, roles: worker) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.neighbourHome, roles: worker) == .notFound)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.nextCompound, roles: worker) == .notFound)
    }

    @Test func anOfficeSeesEverythingBelowItAndNothingBesideOrAbove() throws {
        let district = [try Role.administration(World.shinan)]
        #expect(AccessPolicy.decide(.viewRegistry, at: .division(World.shinan), roles: district) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.home, roles: district) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.farCompound, roles: district) == .notFound)
        #expect(AccessPolicy.decide(.viewRegistry, at: .division(World.city), roles: district) == .notFound)
        #expect(AccessPolicy.decide(.viewRegistry, at: .division(World.laoshan), roles: district) == .notFound)
        // A district bureau supervises; it does not handle residents' personal data.
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.home, roles: district) == .notFound)
        let community = [try Role.administration(World.community)]
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.home, roles: community) == .allowed)
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.nextCompound, roles: community) == .notFound)
    }

    @Test func aDepartmentReadsItsLevelButNeverPersonalData() throws {
        let bureau = [try Role.department(.urbanManagement, division: World.shinan)]
        #expect(AccessPolicy.decide(.viewRegistry, at: World.home, roles: bureau) == .allowed)
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.home, roles: bureau) == .forbidden)
    }

    @Test func onlyTheCityAndPlatformAdministratorsReadTheAuditLog() throws {
        #expect(AccessPolicy.decide(.viewAuditLog, at: .platform, roles: [.platformAdministrator]) == .allowed)
        #expect(AccessPolicy.decide(.viewAuditLog, at: .platform, roles: [try .administration(World.city)]) == .allowed)
        #expect(AccessPolicy.decide(.viewAuditLog, at: .platform, roles: [try .administration(World.shinan)]) == .forbidden)
        // The platform administrator runs the system but does not read owners' data.
        #expect(AccessPolicy.decide(.viewPersonalData, at: World.home, roles: [.platformAdministrator]) == .forbidden)
    }

    @Test func anyRoleThatAllowsWinsForAPersonWithSeveralRoles() throws {
        let stewardAndGridWorker = [try Role.company(.steward, company: 8), try Role.gridWorker(grid: 11, community: World.community)]
        #expect(AccessPolicy.decide(.viewRegistry, at: World.home, roles: stewardAndGridWorker) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.nextCompound, roles: stewardAndGridWorker) == .allowed)
        #expect(AccessPolicy.decide(.viewRegistry, at: World.farCompound, roles: stewardAndGridWorker) == .notFound)
    }

    @Test func noRolesMeansForbidden() {
        #expect(AccessPolicy.decide(.viewRegistry, at: World.home, roles: []) == .forbidden)
    }
}

struct AccountGrantTests {
    @Test func officesCreateAccountsStrictlyBelowThemselves() throws {
        let district = [try Role.administration(World.shinan)]
        #expect(AccessPolicy.decideGrant(try .administration(World.subdistrict), targetDivision: World.subdistrict,
                                         roles: district) == .allowed)
        #expect(AccessPolicy.decideGrant(try .administration(World.shinan), targetDivision: World.shinan,
                                         roles: district) == .notFound)
        #expect(AccessPolicy.decideGrant(try .administration(World.laoshan), targetDivision: World.laoshan,
                                         roles: district) == .notFound)
        #expect(AccessPolicy.decideGrant(try .committee(.committeeChair, compound: 1), targetDivision: World.community,
                                         roles: district) == .allowed)
        #expect(AccessPolicy.decideGrant(try .company(.companyAdministrator, company: 9), targetDivision: nil,
                                         roles: district) == .allowed)
    }

    @Test func aCommunityOfficeCannotCreateCompanyAdministratorsOrOffices() throws {
        let community = [try Role.administration(World.community)]
        #expect(AccessPolicy.decideGrant(try .company(.companyAdministrator, company: 9), targetDivision: nil,
                                         roles: community) == .notFound)
        #expect(AccessPolicy.decideGrant(try .gridWorker(grid: 11, community: World.community),
                                         targetDivision: World.community, roles: community) == .allowed)
        #expect(AccessPolicy.decideGrant(try .gridWorker(grid: 21, community: World.otherCommunity),
                                         targetDivision: World.otherCommunity, roles: community) == .notFound)
    }

    @Test func aCompanyAdministratorStaffsOnlyTheirOwnCompany() throws {
        let admin = [try Role.company(.companyAdministrator, company: 7)]
        #expect(AccessPolicy.decideGrant(try .company(.steward, company: 7), targetDivision: nil, roles: admin) == .allowed)
        #expect(AccessPolicy.decideGrant(try .company(.steward, company: 8), targetDivision: nil, roles: admin) == .notFound)
        #expect(AccessPolicy.decideGrant(try .company(.companyAdministrator, company: 7), targetDivision: nil,
                                         roles: admin) == .notFound)
    }

    @Test func nobodyCreatesOwnersAndOwnersCreateNobody() throws {
        #expect(AccessPolicy.decideGrant(.owner(compound: 1, homes: [100]), targetDivision: World.community,
                                         roles: [.platformAdministrator]) == .notFound)
        #expect(AccessPolicy.decideGrant(try .committee(.committeeMember, compound: 1), targetDivision: World.community,
                                         roles: [.owner(compound: 1, homes: [100])]) == .forbidden)
    }

    @Test func rolesRefuseAScopeOfTheWrongKind() {
        #expect(throws: DomainError.self) { try Role.committee(.steward, compound: 1) }
        #expect(throws: DomainError.self) { try Role.gridWorker(grid: 1, community: World.shinan) }
    }
}

struct MeetingAccessTests {
    @Test func theCommitteeConvenesAndOwnersVoteOnlyInTheirOwnCompound() throws {
        let chair = [try Role.committee(.committeeChair, compound: 1)]
        let member = [try Role.committee(.committeeMember, compound: 1)]
        let owner = [Role.owner(compound: 1, homes: [100])]
        #expect(AccessPolicy.decide(.conveneMeeting, at: World.compound, roles: chair) == .allowed)
        #expect(AccessPolicy.decide(.conveneMeeting, at: World.nextCompound, roles: chair) == .notFound)
        #expect(AccessPolicy.decide(.conveneMeeting, at: World.compound, roles: member) == .forbidden)
        #expect(AccessPolicy.decide(.enterPaperBallots, at: World.compound, roles: member) == .allowed)
        #expect(AccessPolicy.decide(.castBallot, at: World.compound, roles: owner) == .allowed)
        #expect(AccessPolicy.decide(.castBallot, at: World.nextCompound, roles: owner) == .notFound)
        #expect(AccessPolicy.decide(.castBallot, at: World.compound, roles: chair) == .forbidden)
        #expect(AccessPolicy.decide(.conveneMeeting, at: World.compound, roles: [.platformAdministrator]) == .forbidden)
    }
}
