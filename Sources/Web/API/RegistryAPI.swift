import Access
import Hummingbird
import Registry
import Storage
import WuyeCore

/// `/api/v1`: browsing the housing registry from the city down to each home.
struct RegistryAPI {
    let queries: RegistryQueries
    let places: RegistryPlaces

    struct DivisionList: ResponseEncodable { let items: [DivisionView] }
    struct DivisionDetail: ResponseEncodable {
        let division: DivisionView
        let lineage: [DivisionView]
        let children: [DivisionView]
        let compounds: [CompoundView]
    }
    struct CompoundDetail: ResponseEncodable {
        let compound: CompoundView
        let buildings: [BuildingView]
        let serviceArrangements: [ServiceArrangementView]
        let grids: [GridView]
    }
    struct BuildingDetail: ResponseEncodable {
        let building: BuildingView
        let units: [UnitView]
    }
    struct HomeDetail: ResponseEncodable {
        let home: HomeView
        let owners: [MaskedOwner]
    }
    struct CompoundPage: ResponseEncodable {
        let items: [CompoundView]
        let nextCursor: String?
    }
    struct HomePage: ResponseEncodable {
        let items: [HomeView]
        let nextCursor: String?
    }

    func add(to router: some RouterMethods<WuyeRequestContext>) {
        router.get("divisions") { _, context in try await topDivisions(context) }
        router.get("divisions/:code") { _, context in try await division(context) }
        router.get("compounds") { request, context in try await search(request, context) }
        router.get("compounds/:id") { request, context in try await compound(request, context) }
        router.get("compounds/:id/homes") { request, context in
            let id = try request.pathID(context)
            try context.require(.viewRegistry, at: try await places.place(ofCompound: id))
            let page = try await queries.homes(inCompound: id, after: try request.cursor(), limit: try request.pageLimit())
            return HomePage(items: page.items, nextCursor: page.nextCursor)
        }
        router.get("buildings/:id") { request, context in
            let id = try request.pathID(context)
            try context.require(.viewRegistry, at: try await places.place(ofBuilding: id))
            guard let building = try await queries.building(id: id) else { throw APIError.notFound("楼栋", field: "id") }
            return BuildingDetail(building: building, units: try await queries.units(inBuilding: building.id))
        }
        router.get("homes/:id") { request, context in
            let id = try request.pathID(context)
            try context.require(.viewRegistry, at: try await places.place(ofHome: id))
            guard let home = try await queries.home(id: id) else { throw APIError.notFound("房屋", field: "id") }
            return HomeDetail(home: home, owners: try await queries.owners(ofHome: home.id).map { MaskedOwner($0) })
        }
        router.post("homes/:id/owners/unmask") { request, context in
            let id = try request.pathID(context)
            try context.require(.viewPersonalData, at: try await places.place(ofHome: id))
            let owners = try await OwnerUnmasking(queries: queries, clock: places.clock).owners(ofHome: id, by: context.actor)
            return OwnerList(items: owners.map(MaskedOwner.init(unmasked:)))
        }
    }

    struct OwnerList: ResponseEncodable { let items: [MaskedOwner] }

    /// The divisions at the top of the account's scope: the cities for the platform administrator,
    /// an office's own division; none for roles scoped to compounds (they start from /compounds).
    private func topDivisions(_ context: WuyeRequestContext) async throws -> DivisionList {
        let principal = try context.signedIn()
        if principal.roles.contains(where: { $0.kind == .platformAdministrator }) {
            return DivisionList(items: try await queries.cities())
        }
        var codes: [String] = []
        for role in principal.roles {
            if let division = role.division, role.kind == .administrationStaff || role.kind == .departmentStaff,
               !codes.contains(division.rawValue) { codes.append(division.rawValue) }
        }
        var items: [DivisionView] = []
        for code in codes { if let division = try await queries.division(code: code) { items.append(division) } }
        return DivisionList(items: items)
    }

    private func division(_ context: WuyeRequestContext) async throws -> DivisionDetail {
        try context.signedIn()
        let raw = context.parameters.get("code") ?? ""
        let code: DivisionCode
        do throws(DomainError) { code = try DivisionCode(raw) } catch {
            throw APIError(.badRequest, error.on(field: "code"))
        }
        try context.require(.viewRegistry, at: try await places.place(ofDivision: code))
        guard let division = try await queries.division(code: code.rawValue) else {
            throw APIError.notFound("行政区划", field: "code")
        }
        let compounds = code.level == .community ? try await queries.compounds(inCommunity: code.rawValue) : []
        return DivisionDetail(division: division, lineage: try await queries.lineage(ofDivision: code.rawValue),
                              children: try await queries.children(ofDivision: code.rawValue), compounds: compounds)
    }

    private func search(_ request: Request, _ context: WuyeRequestContext) async throws -> CompoundPage {
        let principal = try context.signedIn()
        let text = (request.uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 50 else {
            throw APIError.badParameter("q", "请输入 1 到 50 个字的小区名称")
        }
        let page = try await queries.searchCompounds(name: text, within: CompoundScope(roles: principal.roles),
                                                     today: places.today, after: try request.cursor(),
                                                     limit: try request.pageLimit())
        return CompoundPage(items: page.items, nextCursor: page.nextCursor)
    }

    private func compound(_ request: Request, _ context: WuyeRequestContext) async throws -> CompoundDetail {
        let id = try request.pathID(context)
        try context.require(.viewRegistry, at: try await places.place(ofCompound: id))
        guard let compound = try await queries.compound(id: id) else { throw APIError.notFound("小区", field: "id") }
        return CompoundDetail(compound: compound, buildings: try await queries.buildings(inCompound: compound.id),
                              serviceArrangements: try await queries.serviceArrangements(ofCompound: compound.id),
                              grids: try await queries.grids(ofCompound: compound.id))
    }
}

/// An owner as the API shows one by default: personal data masked (PIPL; shared/domain.md).
/// Organisations' names and credit codes are public and shown whole.
struct MaskedOwner: Codable, Sendable {
    let kind: String
    let name: String
    let idNumber: String
    let phone: String?

    init(_ owner: OwnerRecordView) {
        kind = owner.kind
        let isPerson = owner.kind == "person"
        name = isPerson ? Masking.name(owner.name) : owner.name
        idNumber = (try? OwnerIdentifier(owner.idNumber).masked(for: .publicNotice)) ?? "******"
        phone = owner.phone.map { (try? PhoneNumber($0).masked) ?? "****" }
    }

    /// Whole, for a role the policy lets see personal data; the caller has audited the read.
    init(unmasked owner: OwnerRecordView) {
        kind = owner.kind
        name = owner.name
        idNumber = owner.idNumber
        phone = owner.phone
    }
}
