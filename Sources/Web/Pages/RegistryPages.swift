import Access
import Foundation
import Hummingbird
import Registry
import Storage
import WuyeCore

/// The registry in pages: the city, its districts, subdistricts, communities, compounds,
/// buildings and homes, each with its counts — each page only inside the account's scope.
struct RegistryPages {
    let queries: RegistryQueries
    let places: RegistryPlaces
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/divisions") { _, context in try await cities(context) }
        router.get("/divisions/:code") { _, context in try await division(context.parameters.get("code") ?? "", context) }
        router.get("/compounds/:id") { _, context in try await compound(context.parameters.get("id") ?? "", context) }
        router.get("/buildings/:id") { _, context in try await building(context.parameters.get("id") ?? "", context) }
        router.get("/homes/:id") { _, context in
            try await homeDetail(context.parameters.get("id") ?? "", unmask: false, context)
        }
        router.post("/homes/:id/unmask") { _, context in
            try await homeDetail(context.parameters.get("id") ?? "", unmask: true, context)
        }
        router.get("/search") { request, context in try await search(request, context) }
    }

    /// The cities the account may browse whole (city offices, the platform administrator).
    private func cities(_ context: WuyeRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let cities = try await queries.cities().filter { city in
            DivisionCode(rawValue: city.code).map { principal.decide(.viewRegistry, at: .division($0)) == .allowed } ?? false
        }
        guard !cities.isEmpty || principal.roles.contains(where: { $0.kind == .platformAdministrator }) else {
            throw AccessRefused(status: .notFound)
        }
        let total = cities.reduce(RegistryCounts()) { $0 + $1.counts }
        let compounds = cities.reduce(0) { $0 + $1.compounds }
        return renderer.render("home", [
            "title": "全市物业一张图",
            "stats": stats(compounds: compounds, counts: total),
            "cities": cities.map { card($0, total: total.homes) },
        ], for: context)
    }

    private func division(_ raw: String, _ context: WuyeRequestContext) async throws -> Response {
        let code = try? DivisionCode(raw)
        try context.require(.viewRegistry, at: try await code.asyncFlatMap(places.place(ofDivision:)))
        guard let code, let division = try await queries.division(code: code.rawValue) else {
            throw AccessRefused(status: .notFound)
        }
        let children = try await queries.children(ofDivision: division.code)
        let compounds = code.level == .community ? try await queries.compounds(inCommunity: division.code) : []
        let lineage = try await queries.lineage(ofDivision: division.code)
        return renderer.render("division", [
            "title": division.name, "name": division.name, "code": division.code,
            "levelName": code.level.chineseName,
            "childLevelName": code.level.childLevel?.chineseName ?? "",
            "crumbs": crumbs(lineage.dropLast(), context),
            "stats": stats(compounds: division.compounds, counts: division.counts),
            "children": children.map { card($0, total: division.counts.homes) },
            "compounds": compounds.map(Self.card),
        ], for: context)
    }

    private func compound(_ raw: String, _ context: WuyeRequestContext) async throws -> Response {
        let id = Int64(raw)
        try context.require(.viewRegistry, at: try await id.asyncFlatMap(places.place(ofCompound:)))
        guard let id, let compound = try await queries.compound(id: id) else { throw AccessRefused(status: .notFound) }
        let arrangements = try await queries.serviceArrangements(ofCompound: id)
        let lineage = try await queries.lineage(ofDivision: compound.communityCode)
        return renderer.render("compound", [
            "title": compound.name, "name": compound.name, "id": compound.id, "type": compound.type.rawValue,
            "typeName": compound.type.chineseName, "renovatedOld": compound.renovatedOld,
            "address": compound.address as Any,
            "crumbs": crumbs(lineage, context),
            "stats": stats(compounds: nil, counts: compound.counts),
            "service": arrangements.first.map(service) as Any,
            "history": arrangements.dropFirst().map(service),
            "grids": try await queries.grids(ofCompound: id).map {
                ["name": $0.name, "code": $0.code, "buildings": $0.buildingCount] as [String: Any]
            },
            "buildingList": try await queries.buildings(inCompound: id).map {
                ["href": "/buildings/\($0.id)", "number": BuildingLabel.building($0.number),
                 "units": $0.counts.units, "homes": $0.counts.homes] as [String: Any]
            },
        ], for: context)
    }

    private func building(_ raw: String, _ context: WuyeRequestContext) async throws -> Response {
        let id = Int64(raw)
        try context.require(.viewRegistry, at: try await id.asyncFlatMap(places.place(ofBuilding:)))
        guard let id, let building = try await queries.building(id: id),
              let compound = try await queries.compound(id: building.compoundID) else { throw AccessRefused(status: .notFound) }
        let lineage = try await queries.lineage(ofDivision: compound.communityCode)
        let title = "\(compound.name) \(BuildingLabel.building(building.number))"
        return renderer.render("building", [
            "title": title,
            "crumbs": crumbs(lineage, context) + [["href": "/compounds/\(compound.id)", "name": compound.name]],
            "stats": [stat(Formatting.count(building.counts.units), "单元"),
                      stat(Formatting.count(building.counts.homes), "户"),
                      stat(Formatting.area(centi: building.counts.area.rawValue), "建筑面积")],
            "units": try await queries.units(inBuilding: id).map { unit in
                ["name": BuildingLabel.unit(unit.number), "homes": unit.homes.map { home in
                    ["href": "/homes/\(home.id)", "number": home.number, "delivered": home.delivered,
                     "area": Formatting.area(centi: home.area.rawValue)] as [String: Any]
                }] as [String: Any]
            },
        ], for: context)
    }

    private func homeDetail(_ raw: String, unmask: Bool, _ context: WuyeRequestContext) async throws -> Response {
        let id = Int64(raw)
        let place = try await id.asyncFlatMap(places.place(ofHome:))
        let principal = try context.require(unmask ? .viewPersonalData : .viewRegistry, at: place)
        guard let id, let place, let home = try await queries.home(id: id),
              let compound = try await queries.compound(id: home.compoundID) else { throw AccessRefused(status: .notFound) }
        let lineage = try await queries.lineage(ofDivision: compound.communityCode)
        let owners = unmask
            ? try await OwnerUnmasking(queries: queries, clock: places.clock).owners(ofHome: id, by: context.actor)
                .map(MaskedOwner.init(unmasked:))
            : try await queries.owners(ofHome: id).map { MaskedOwner($0) }
        return renderer.render("home-detail", [
            "title": "\(compound.name) \(BuildingLabel.address(home))", "homeID": id, "unmasked": unmask,
            "mayUnmask": principal.decide(.viewPersonalData, at: place) == .allowed && !owners.isEmpty,
            "crumbs": crumbs(lineage, context) + [
                ["href": "/compounds/\(compound.id)", "name": compound.name],
                ["href": "/buildings/\(home.buildingID)", "name": BuildingLabel.building(home.building)],
            ],
            "area": Formatting.area(centi: home.area.rawValue),
            "deliveredText": home.delivered ? "已交付" : "开发建设单位持有",
            "noOwnerText": home.delivered ? "尚未登记业主" : "未交付房屋由开发建设单位作为业主",
            "owners": owners.map {
                ["name": $0.name, "kindName": $0.kind == "person" ? "个人" : "单位", "idNumber": $0.idNumber,
                 "phone": $0.phone as Any] as [String: Any]
            },
        ], for: context)
    }

    private func search(_ request: Request, _ context: WuyeRequestContext) async throws -> Response {
        let principal = try context.signedIn()
        let query = (request.uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces)
        var values: [String: Any] = ["title": "搜索", "query": query]
        if query.isEmpty || query.count > 50 {
            values["error"] = "请输入 1 到 50 个字的小区名称"
            return renderer.render("search", values, for: context, status: .badRequest)
        }
        let cursor = request.uri.queryParameters.get("cursor").flatMap { Int64($0) }
        let page = try await queries.searchCompounds(name: query, within: CompoundScope(roles: principal.roles),
                                                     today: places.today, after: cursor, limit: 30)
        values["compounds"] = page.items.map(Self.card)
        if let next = page.nextCursor,
           let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
            values["next"] = "/search?q=\(encoded)&cursor=\(next)"
        }
        return renderer.render("search", values, for: context)
    }

    // MARK: view pieces

    /// The breadcrumb, linking only the divisions the account may open.
    private func crumbs(_ lineage: some Sequence<DivisionView>, _ context: WuyeRequestContext) -> [[String: Any]] {
        lineage.map { division in
            let open = DivisionCode(rawValue: division.code).map {
                context.principal?.decide(.viewRegistry, at: .division($0)) == .allowed
            } ?? false
            return open ? ["href": "/divisions/\(division.code)", "name": division.name] : ["name": division.name]
        }
    }

    private func stat(_ value: String, _ label: String) -> [String: Any] { ["value": value, "label": label] }

    private func stats(compounds: Int64?, counts: RegistryCounts) -> [[String: Any]] {
        (compounds.map { [stat(Formatting.count($0), "小区")] } ?? []) + [
            stat(Formatting.count(counts.buildings), "楼栋"),
            stat(Formatting.count(counts.units), "单元"),
            stat(Formatting.count(counts.homes), "户"),
            stat(Formatting.area(centi: counts.area.rawValue), "建筑面积"),
        ]
    }

    private func card(_ division: DivisionView, total: Int64) -> [String: Any] {
        [
            "href": "/divisions/\(division.code)", "name": division.name, "code": division.code,
            "compounds": Formatting.count(division.compounds), "buildings": Formatting.count(division.counts.buildings),
            "homes": Formatting.count(division.counts.homes), "area": Formatting.area(centi: division.counts.area.rawValue),
            "share": total > 0 ? max(1, division.counts.homes * 100 / total) : 0,
        ]
    }


    private func service(_ arrangement: ServiceArrangementView) -> [String: Any] {
        let label = Self.arrangementName(arrangement.kind)
        let feeModel: Any = switch arrangement.feeModel {
        case "lump_sum": "包干制"
        case "commission": "酬金制"
        default: Optional<String>.none as Any
        }
        return ["label": label, "company": arrangement.companyName as Any, "feeModel": feeModel,
                "period": "\(arrangement.startsOn) 起" + (arrangement.endsOn.map { "，至 \($0)" } ?? "")]
    }
}

extension BuildingLabel {
    static func address(_ home: HomeView) -> String { address(building: home.building, unit: home.unit, home: home.number) }
}

extension RegistryPages {
    /// The way a compound is served, in words.
    static func arrangementName(_ kind: String) -> String {
        switch kind {
        case "contract": "物业服务企业"
        case "government_backstop": "政府兜底服务"
        case "self_managed": "业主自管"
        default: kind
        }
    }

    /// A compound as a card on lists (community pages, search, portals).
    static func card(_ compound: CompoundView) -> [String: Any] {
        [
            "href": "/compounds/\(compound.id)", "name": compound.name, "type": compound.type.rawValue,
            "typeName": compound.type.chineseName, "buildings": Formatting.count(compound.counts.buildings),
            "homes": Formatting.count(compound.counts.homes), "area": Formatting.area(centi: compound.counts.area.rawValue),
            "address": compound.address as Any,
        ]
    }
}
