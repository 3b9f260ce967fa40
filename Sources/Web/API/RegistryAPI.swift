import Hummingbird
import Registry
import Storage
import WuyeCore

/// `/api/v1`: browsing the housing registry from the city down to each home.
struct RegistryAPI {
    let queries: RegistryQueries

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
        router.get("divisions") { _, _ in DivisionList(items: try await queries.cities()) }
        router.get("divisions/:code") { _, context in try await division(context) }
        router.get("compounds") { request, _ in try await search(request) }
        router.get("compounds/:id") { request, context in try await compound(request, context) }
        router.get("compounds/:id/homes") { request, context in
            let page = try await queries.homes(inCompound: try await existingCompound(request, context).id,
                                               after: try request.cursor(), limit: try request.pageLimit())
            return HomePage(items: page.items, nextCursor: page.nextCursor)
        }
        router.get("buildings/:id") { request, context in
            guard let building = try await queries.building(id: try request.pathID(context)) else {
                throw APIError.notFound("楼栋", field: "id")
            }
            return BuildingDetail(building: building, units: try await queries.units(inBuilding: building.id))
        }
        router.get("homes/:id") { request, context in
            guard let home = try await queries.home(id: try request.pathID(context)) else {
                throw APIError.notFound("房屋", field: "id")
            }
            return HomeDetail(home: home, owners: try await queries.owners(ofHome: home.id).map(MaskedOwner.init))
        }
    }

    private func division(_ context: WuyeRequestContext) async throws -> DivisionDetail {
        let raw = context.parameters.get("code") ?? ""
        let code: DivisionCode
        do throws(DomainError) { code = try DivisionCode(raw) } catch {
            throw APIError(.badRequest, error.on(field: "code"))
        }
        guard let division = try await queries.division(code: code.rawValue) else {
            throw APIError.notFound("行政区划", field: "code")
        }
        let compounds = code.level == .community ? try await queries.compounds(inCommunity: code.rawValue) : []
        return DivisionDetail(division: division, lineage: try await queries.lineage(ofDivision: code.rawValue),
                              children: try await queries.children(ofDivision: code.rawValue), compounds: compounds)
    }

    private func search(_ request: Request) async throws -> CompoundPage {
        let text = (request.uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 50 else {
            throw APIError.badParameter("q", "请输入 1 到 50 个字的小区名称")
        }
        let page = try await queries.searchCompounds(name: text, after: try request.cursor(), limit: try request.pageLimit())
        return CompoundPage(items: page.items, nextCursor: page.nextCursor)
    }

    private func existingCompound(_ request: Request, _ context: WuyeRequestContext) async throws -> CompoundView {
        guard let compound = try await queries.compound(id: try request.pathID(context)) else {
            throw APIError.notFound("小区", field: "id")
        }
        return compound
    }

    private func compound(_ request: Request, _ context: WuyeRequestContext) async throws -> CompoundDetail {
        let compound = try await existingCompound(request, context)
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
}
