import Access
import Hummingbird
import Storage

/// Finds who is asking: a bearer token (integrations) or a session cookie (people). A token acts
/// with the one role it was issued for. Unknown, expired or tampered credentials leave the request
/// anonymous; the routes then answer 401 or send the browser to sign in.
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = WuyeRequestContext
    let accounts: AccountStore
    let sessions: SessionStore
    let tokens: APITokenStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            if let (accountID, roleID) = try await tokens.resolve(String(header.dropFirst(7))) {
                context.principal = try await accounts.principal(accountID: accountID, onlyRole: roleID)
            }
        } else if let token = request.cookies[WebSecurity.sessionCookie]?.value,
                  let session = try await sessions.current(token: token),
                  let principal = try await accounts.principal(accountID: session.accountID) {
            context.principal = principal
            context.session = session
        }
        return try await next(request, context)
    }
}
