import Access
import Hummingbird
import Storage
import WuyeCore

/// `/open311/keys`: the city's and districts' housing offices issue api_keys to Open311 clients for
/// their area, see who holds one, and revoke them. A new key is shown once.
struct Open311KeyPages {
    let keys: Open311Keys
    let queries: RegistryQueries
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/open311/keys") { _, context in try await page(context, values: [:], status: .ok) }
        router.post("/open311/keys") { request, context in
            let principal = try keyManager(context)
            let fields = try await FormFields.of(request, context: context)
            let chosen = fields.text("division")
            let division = chosen.isEmpty ? nil : DivisionCode(rawValue: chosen)
            guard chosen.isEmpty || division != nil,
                  principal.decide(.manageOpen311Keys, at: division.map(Place.division) ?? .platform) == .allowed else {
                return try await page(context, values: ["errors": ["division": "请选择您所管辖的范围"]], status: .unprocessableContent)
            }
            do {
                let issued = try await keys.create(name: fields.text("name"), division: division, by: context.actor)
                return try await page(context, values: ["issued": issued.key], status: .ok)
            } catch let error as DomainError {
                return try await page(context, values: ["errors": [error.field ?? "name": error.message]], status: .unprocessableContent)
            }
        }
        router.post("/open311/keys/:id/revoke") { _, context in
            let principal = try keyManager(context)
            guard let id = Int64(context.parameters.get("id") ?? ""),
                  let key = try await keys.key(id: id), key.revokedAt == nil,
                  principal.decide(.manageOpen311Keys, at: key.division.map(Place.division) ?? .platform) == .allowed else {
                throw AccessRefused(status: .notFound)
            }
            try await keys.revoke(id: id, within: nil, by: context.actor)
            return Response.redirect(to: "/open311/keys", type: .normal)
        }
    }

    func keyManager(_ context: WuyeRequestContext) throws -> Principal {
        let principal = try context.signedIn()
        guard principal.mayEver(.manageOpen311Keys) else { throw AccessRefused(status: .forbidden) }
        return principal
    }

    /// The divisions the account issues keys for; nil stands for the whole platform.
    static func scopes(of principal: Principal) -> [DivisionCode?] {
        principal.roles.filter { AccessPolicy.mayEver($0, .manageOpen311Keys) }.map { role in
            role.kind == .platformAdministrator ? nil : role.division
        }
    }

    func page(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try keyManager(context)
        let scopes = Self.scopes(of: principal)
        let listed = try await keys.list(within: nil).filter { key in scopes.contains { key.lies(within: $0) } }
        var names: [String: String] = [:]
        for code in Set(listed.compactMap(\.division) + scopes.compactMap { $0 }) {
            names[code.rawValue] = try await queries.division(code: code.rawValue)?.name
        }
        func scopeName(_ code: DivisionCode?) -> String { code.map { names[$0.rawValue] ?? $0.rawValue } ?? "全平台" }
        var values = values
        values["title"] = "Open311 接口密钥"
        values["keys"] = listed.map { key in
            ["id": key.id, "name": key.name, "hint": "…" + key.hint, "scope": scopeName(key.division),
             "createdBy": key.createdBy, "createdAt": BeijingTime.text(key.createdAt), "revoked": key.revokedAt != nil] as [String: Any]
        }
        values["scopes"] = scopes.map { ["code": $0?.rawValue ?? "", "name": scopeName($0)] }
        return renderer.render("open311-keys", values, for: context, status: status)
    }
}
