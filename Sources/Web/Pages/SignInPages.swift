import Access
import Hummingbird
import Storage
import WuyeCore

/// Signing in and out.
struct SignInPages {
    let signIn: SignIn
    let sessions: SessionStore
    let security: WebSecurity
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/login") { request, context in
            if context.principal != nil { return Response.redirect(to: "/", type: .normal) }
            return form(request, context, next: request.uri.queryParameters.get("next"), mobile: "", errors: [:], status: .ok)
        }
        router.post("/login") { request, context in
            let fields = try await FormFields.of(request, context: context)
            do {
                let opened = try await signIn.signIn(mobile: fields.text("mobile"), password: fields["password"] ?? "",
                                                     clientAddress: context.clientAddress, requestID: context.id)
                var response = Response.redirect(to: WebSecurity.safeNext(fields["next"]), type: .normal)
                response.setCookie(security.sessionCookie(opened.token))
                return response
            } catch let error as DomainError {
                let status: HTTPResponse.Status = error.code == SignIn.locked.code ? .tooManyRequests : .unauthorized
                return form(request, context, next: fields["next"], mobile: fields.text("mobile"),
                            errors: [error.field ?? "password": error.message], status: status)
            }
        }
        router.post("/logout") { _, context in
            if let session = context.session { try await sessions.end(session, by: context.actor) }
            var response = Response.redirect(to: "/login", type: .normal)
            response.setCookie(security.expiredSessionCookie())
            return response
        }
    }

    private func form(_ request: Request, _ context: WuyeRequestContext, next: String?, mobile: String,
                      errors: [String: String], status: HTTPResponse.Status) -> Response {
        let (token, isNew) = security.formToken(request)
        var response = renderer.render("login", ["title": "登录", "csrf": token, "next": WebSecurity.safeNext(next),
                                                 "mobile": mobile, "errors": errors], for: context, status: status)
        if isNew { response.setCookie(security.formCookie(token)) }
        return response
    }
}
