import Access
import Hummingbird
import Storage
import WuyeCore

/// "My account": roles, password change, API tokens. "Accounts": administrators create accounts
/// and grant roles below their level.
struct AccountPages {
    let accounts: AccountStore
    let tokens: APITokenStore
    let places: RegistryPlaces
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/account") { _, context in try await mine(context, values: [:], status: .ok) }
        router.post("/account/password") { request, context in
            let principal = try context.signedIn()
            let fields = try await FormFields.of(request, context: context)
            do {
                guard fields["new_password"] == fields["confirm"] else {
                    throw DomainError(code: "password_mismatch", message: "两次输入的新密码不一致", english: "passwords differ",
                                      field: "confirm")
                }
                try await accounts.changePassword(accountID: principal.accountID, current: fields["current_password"] ?? "",
                                                  new: fields["new_password"] ?? "", keepingSession: context.session?.tokenHash,
                                                  by: context.actor)
                return try await mine(context, values: ["notice": "密码已修改，其他设备上的登录已退出。"], status: .ok)
            } catch let error as DomainError {
                return try await mine(context, values: ["errors": [error.field ?? "current_password": error.message]],
                                      status: .unprocessableContent)
            }
        }
        router.post("/account/tokens") { request, context in
            let principal = try context.signedIn()
            let fields = try await FormFields.of(request, context: context)
            do {
                let issued = try await tokens.issue(accountID: principal.accountID, roleID: Int64(fields.text("role_id")) ?? 0,
                                                    name: fields.text("name"), by: context.actor)
                return try await mine(context, values: ["issued": issued.token], status: .ok)
            } catch let error as DomainError {
                return try await mine(context, values: ["errors": [error.field ?? "name": error.message]], status: .unprocessableContent)
            }
        }
        router.post("/account/tokens/:id/revoke") { _, context in
            let principal = try context.signedIn()
            guard let id = Int64(context.parameters.get("id") ?? "") else { throw AccessRefused(status: .notFound) }
            do {
                try await tokens.revoke(id: id, accountID: principal.accountID, by: context.actor)
            } catch let error as DomainError where error.code == "not_found" {
                throw AccessRefused(status: .notFound)
            }
            return Response.redirect(to: "/account", type: .normal)
        }
        router.get("/accounts") { _, context in try await managed(context, values: [:], status: .ok) }
        router.post("/accounts/:id/roles/:role/revoke") { _, context in
            let principal = try context.signedIn()
            guard let id = Int64(context.parameters.get("id") ?? ""), let role = Int64(context.parameters.get("role") ?? "") else {
                throw AccessRefused(status: .notFound)
            }
            try await RoleGrant.revoke(roleID: role, ofAccount: id, by: principal, actor: context.actor, accounts: accounts,
                                       places: places)
            return Response.redirect(to: "/accounts", type: .normal)
        }
        router.post("/accounts") { request, context in
            let principal = try context.administrator()
            let fields = try await FormFields.of(request, context: context)
            let grant = RoleGrant(mobile: fields.text("mobile"), name: fields.text("name"), password: fields["password"] ?? "",
                                  kind: fields.text("kind"), compoundID: Int64(fields.text("compound_id")),
                                  companyID: Int64(fields.text("company_id")), gridID: Int64(fields.text("grid_id")),
                                  divisionCode: fields.text("division_code"), department: fields.text("department"))
            do {
                let outcome = try await grant.perform(by: principal, actor: context.actor, accounts: accounts, places: places)
                return try await managed(context, values: [
                    "notice": outcome.created ? "账号已开通。" : "该手机号已有账号，已为其增加这个角色。",
                ], status: .ok)
            } catch let error as DomainError {
                return try await managed(context, values: ["errors": [error.field ?? "kind": error.message], "form": fields.values],
                                         status: .unprocessableContent)
            }
        }
    }

    private func mine(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.signedIn()
        let roles = try await accounts.roles(ofAccount: principal.accountID)
        var all = values
        all["title"] = "我的账号"
        all["name"] = principal.name
        all["mobile"] = principal.mobile
        all["roles"] = roles.map { ["id": $0.id, "name": $0.role.kind.chineseName, "scope": $0.role.description] as [String: Any] }
        all["tokens"] = try await tokens.tokens(ofAccount: principal.accountID).map {
            ["id": $0.id, "name": $0.name, "createdAt": $0.createdAt, "lastUsedAt": $0.lastUsedAt ?? "从未使用",
             "revoked": $0.revokedAt != nil] as [String: Any]
        }
        if all["errors"] == nil { all["errors"] = [String: String]() }
        return renderer.render("account", all, for: context, status: status)
    }


    private func managed(_ context: WuyeRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.administrator()
        let everyone = principal.roles.contains { $0.kind == .platformAdministrator }
        let listed = try await accounts.accounts(createdBy: everyone ? nil : principal.accountID)
        var kinds: [RoleKind] = []
        for role in principal.roles { for kind in AccessPolicy.grantableKinds(by: role) where !kinds.contains(kind) { kinds.append(kind) } }
        var all = values
        all["title"] = "账号管理"
        all["kinds"] = kinds.map { ["value": $0.rawValue, "name": $0.chineseName] }
        all["departments"] = Department.allCases.map { ["value": $0.rawValue, "name": $0.chineseName] }
        all["accounts"] = listed.map { account in
            ["name": Masking.name(account.name), "mobile": (try? PhoneNumber(account.mobile).masked) ?? "****",
             "roles": account.roles.map { ["name": $0.kindName, "revoke": "/accounts/\(account.id)/roles/\($0.id)/revoke"] },
             "createdAt": account.createdAt] as [String: Any]
        }
        if all["errors"] == nil { all["errors"] = [String: String]() }
        if all["form"] == nil { all["form"] = [String: String]() }
        return renderer.render("accounts", all, for: context, status: status)
    }
}
