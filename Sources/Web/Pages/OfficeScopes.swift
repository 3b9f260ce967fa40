import Access
import Storage
import WuyeCore

/// The divisions an office account acts for with an action, named: its roles' divisions, or every
/// city for the platform administrator. Pages that work "on my area" let the account pick one.
struct OfficeScopes {
    let queries: RegistryQueries

    struct Scope {
        let code: DivisionCode
        let name: String
    }

    func scopes(of principal: Principal, for action: Action) async throws -> [Scope] {
        var codes: [DivisionCode] = []
        for role in principal.roles where AccessPolicy.mayEver(role, action) {
            if role.kind == .platformAdministrator {
                codes += try await queries.cities().compactMap { DivisionCode(rawValue: $0.code) }
            } else if let division = role.division, !codes.contains(division) {
                codes.append(division)
            }
        }
        var named: [Scope] = []
        for code in codes {
            named.append(Scope(code: code, name: try await queries.division(code: code.rawValue)?.name ?? code.rawValue))
        }
        return named
    }

    /// The scope the request asked for (`division`), else the first; nil when the account has none
    /// or asked for one it does not hold.
    func chosen(_ asked: String?, of principal: Principal, for action: Action) async throws -> (Scope, [Scope])? {
        let all = try await scopes(of: principal, for: action)
        guard let asked, !asked.isEmpty else { return all.first.map { ($0, all) } }
        return all.first { $0.code.rawValue == asked }.map { ($0, all) }
    }

    /// The scope a request names for `action`, or the account's first: 403 when the account may never
    /// do it, 404 when it names a scope the account does not hold.
    func required(_ asked: String?, for action: Action, _ context: WuyeRequestContext) async throws -> (Scope, [Scope]) {
        let principal = try context.signedIn()
        guard principal.mayEver(action) else { throw AccessRefused(status: .forbidden) }
        guard let found = try await chosen(asked, of: principal, for: action) else { throw AccessRefused(status: .notFound) }
        return found
    }

    /// What a page needs to show the scope and let an account with several choose: `scope`, `division`,
    /// `chooseScope` and `scopes`.
    static func chooser(_ scope: Scope, _ all: [Scope]) -> [String: Any] {
        ["scope": scope.name, "division": scope.code.rawValue, "chooseScope": all.count > 1,
         "scopes": all.map { ["code": $0.code.rawValue, "name": $0.name, "chosen": $0.code == scope.code] as [String: Any] }]
    }
}
