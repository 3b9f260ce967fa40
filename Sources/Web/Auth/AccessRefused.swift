import Access
import Hummingbird

/// The policy said no, or nobody is signed in: 401, 403 or 404. The API answers it as JSON, pages
/// as a page (401: off to sign in).
struct AccessRefused: Error {
    let status: HTTPResponse.Status

    static let signInFirst = AccessRefused(status: .unauthorized)
}

extension WuyeRequestContext {
    /// The signed-in account, or 401.
    func signedIn() throws(AccessRefused) -> Principal {
        guard let principal else { throw .signInFirst }
        return principal
    }

    /// The signed-in account if it manages accounts anywhere (otherwise 403).
    func administrator() throws(AccessRefused) -> Principal {
        let principal = try signedIn()
        guard principal.mayEver(.manageAccounts) else { throw AccessRefused(status: .forbidden) }
        return principal
    }

    /// The signed-in account if the policy lets it do `action` at `place`. A place that does not
    /// exist (nil) is "not found" to anyone who could see such things at all.
    @discardableResult
    func require(_ action: Action, at place: Place?) throws(AccessRefused) -> Principal {
        let principal = try signedIn()
        guard let place else {
            throw AccessRefused(status: principal.mayEver(action) ? .notFound : .forbidden)
        }
        switch principal.decide(action, at: place) {
        case .allowed: return principal
        case .forbidden: throw AccessRefused(status: .forbidden)
        case .notFound: throw AccessRefused(status: .notFound)
        }
    }

    /// The signed-in account if the policy lets it do any of `actions` at `place`; returns the first
    /// one allowed. Otherwise 404 for an account that may take one of them somewhere, else 403.
    @discardableResult
    func require(anyOf actions: [Action], at place: Place?) throws(AccessRefused) -> (Principal, Action) {
        let principal = try signedIn()
        if let place, let allowed = actions.first(where: { principal.decide($0, at: place) == .allowed }) { return (principal, allowed) }
        throw AccessRefused(status: actions.contains(where: principal.mayEver) ? .notFound : .forbidden)
    }
}
