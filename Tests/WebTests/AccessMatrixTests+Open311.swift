import Access
import HTTPTypes
import Storage
import Testing
import WuyeCore

/// The access matrix's probes of Open311: the GeoReport routes answer everyone alike (a post
/// without an api_key is refused even with a session), the key pages only key managers.
extension AccessMatrixTests {
    /// A case reported from the owner's phone is not an Open311 request: nobody reads it there.
    static let open311Request: Probes = { _, world, _ in [get("/open311/v2/requests/\(world.ownCase).json", .notFound)] }

    static let open311Post: Probes = { _, _, _ in
        [Probe(uri: "/open311/v2/requests.json", form: ["service_code": "repair", "address_id": "1"], json: nil, expected: .forbidden)]
    }

    static func keyPage(_ principal: Principal?, allowed: HTTPResponse.Status) -> HTTPResponse.Status {
        guard let principal else { return .seeOther }
        return principal.mayEver(.manageOpen311Keys) ? allowed : .forbidden
    }

    static let open311Keys: Probes = { principal, _, _ in [get("/open311/keys", keyPage(principal, allowed: .ok))] }

    /// An empty name is refused by the form (422) for those who may issue keys.
    static let open311KeyIssue: Probes = { principal, _, _ in
        [Probe(uri: "/open311/keys", form: ["name": ""], json: nil, expected: keyPage(principal, allowed: .unprocessableContent))]
    }

    /// A fresh key in the demo's district and one in a far district; revoking is allowed where the policy allows managing keys.
    static let open311KeyRevocation: Probes = { principal, world, _ in
        let keys = Open311Keys(database: world.accounts.database)
        return try await [world.district, world.farDistrict].asyncMap { district in
            let id = try await keys.create(name: "矩阵", division: district, by: .command("test")).id
            let expected: HTTPResponse.Status = if let principal, principal.mayEver(.manageOpen311Keys) {
                principal.decide(.manageOpen311Keys, at: .division(district)) == .allowed ? .seeOther : .notFound
            } else { keyPage(principal, allowed: .seeOther) }
            return Probe(uri: "/open311/keys/\(id)/revoke", form: [:], json: nil, expected: expected)
        }
    }
}
