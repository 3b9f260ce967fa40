import Access
import Hummingbird
import Storage

/// `/api/v1/me`, `/api/v1/accounts`, `/api/v1/audit`.
struct AccountAPI {
    let accounts: AccountStore
    let places: RegistryPlaces
    let log: AuditLog

    struct Me: ResponseEncodable {
        let accountId: Int64
        let name: String
        let mobile: String
        let portals: [String]
        let roles: [String]
    }
    struct AccountList: ResponseEncodable { let items: [AccountSummary] }
    struct AuditPage: ResponseEncodable { let items: [AuditEntry] }
    struct GrantBody: Decodable {
        let mobile: String
        let name: String
        let password: String?
        let kind: String
        let compoundId: Int64?
        let companyId: Int64?
        let gridId: Int64?
        let divisionCode: String?
        let department: String?
    }
    struct Revoked: ResponseEncodable { let revoked: Bool }
    struct Granted: ResponseEncodable {
        let accountId: Int64
        let created: Bool
    }

    func add(to router: some RouterMethods<WuyeRequestContext>) {
        router.get("me") { _, context in
            let principal = try context.signedIn()
            return Me(accountId: principal.accountID, name: principal.name, mobile: principal.mobile,
                      portals: principal.portals.map(\.rawValue), roles: principal.roles.map(\.description))
        }
        router.get("accounts") { _, context in
            let principal = try context.administrator()
            let everyone = principal.roles.contains { $0.kind == .platformAdministrator }
            return AccountList(items: try await accounts.accounts(createdBy: everyone ? nil : principal.accountID))
        }
        router.post("accounts") { request, context in
            let principal = try context.administrator()
            let body: GrantBody
            do { body = try await request.decode(as: GrantBody.self, context: context) } catch {
                throw APIError(.badRequest, code: "invalid_body", message: "请求体须为 JSON：mobile、name、password、kind 及范围字段")
            }
            let outcome = try await RoleGrant(
                mobile: body.mobile, name: body.name, password: body.password ?? "", kind: body.kind, compoundID: body.compoundId,
                companyID: body.companyId, gridID: body.gridId, divisionCode: body.divisionCode, department: body.department
            ).perform(by: principal, actor: context.actor, accounts: accounts, places: places)
            return EditedResponse(status: outcome.created ? .created : .ok,
                                  response: Granted(accountId: outcome.accountID, created: outcome.created))
        }
        router.post("accounts/:id/roles/:role/revoke") { request, context in
            let principal = try context.signedIn()
            try await RoleGrant.revoke(roleID: try request.pathID(context, "role"), ofAccount: try request.pathID(context),
                                       by: principal, actor: context.actor, accounts: accounts, places: places)
            return Revoked(revoked: true)
        }
        router.get("audit") { request, context in
            try context.require(.viewAuditLog, at: .platform)
            return AuditPage(items: try await AuditFilter(request).entries(from: log))
        }
    }
}
