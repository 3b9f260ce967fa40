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
}
