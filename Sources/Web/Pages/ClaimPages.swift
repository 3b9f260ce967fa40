import Hummingbird
import Storage
import WuyeCore

/// An owner's first visit: claim the homes the registry lists under their name and ID number,
/// confirm with the code sent to their mobile, choose a password — and they are signed in.
struct ClaimPages {
    let claims: OwnerClaims
    let signIn: SignIn
    let security: WebSecurity
    let renderer: PageRenderer

    func add(to router: Router<WuyeRequestContext>) {
        router.get("/claim") { request, context in
            page("claim", request, context, ["name": "", "mobile": "", "idNumber": ""], errors: [:], status: .ok)
        }
        router.post("/claim") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let values = ["name": fields.text("name"), "mobile": fields.text("mobile"), "idNumber": fields.text("id_number")]
            do {
                let id = try await claims.start(name: values["name"]!, idNumber: values["idNumber"]!, mobile: values["mobile"]!,
                                                requestID: context.id)
                return Response.redirect(to: "/claim/confirm?claim=\(id)", type: .normal)
            } catch let error as DomainError {
                return page("claim", request, context, values, errors: [error.field ?? "name": error.message],
                            status: .unprocessableContent)
            }
        }
        router.get("/claim/confirm") { request, context in
            page("claim-confirm", request, context, ["claim": request.uri.queryParameters.get("claim") ?? ""], errors: [:], status: .ok)
        }
        router.post("/claim/confirm") { request, context in
            let fields = try await FormFields.of(request, context: context)
            let values = ["claim": fields.text("claim")]
            do {
                guard let claimID = Int64(fields.text("claim")) else {
                    throw DomainError(code: "code_expired", message: "验证码已失效，请重新获取", english: "no such claim", field: "code")
                }
                guard fields["password"] == fields["confirm"] else {
                    throw DomainError(code: "password_mismatch", message: "两次输入的密码不一致", english: "passwords differ",
                                      field: "confirm")
                }
                let accountID = try await claims.confirm(claimID: claimID, code: fields.text("code"), password: fields["password"] ?? "",
                                                         requestID: context.id)
                guard let account = try await claims.accounts.account(id: accountID) else { throw AccessRefused.signInFirst }
                let opened = try await signIn.signIn(mobile: account.mobile, password: fields["password"] ?? "",
                                                     clientAddress: context.clientAddress, requestID: context.id)
                var response = Response.redirect(to: "/portal/owner", type: .normal)
                response.setCookie(security.sessionCookie(opened.token))
                return response
            } catch let error as DomainError {
                let field = ["code", "password", "confirm"].contains(error.field ?? "") ? error.field! : "code"
                return page("claim-confirm", request, context, values, errors: [field: error.message],
                            status: .unprocessableContent)
            }
        }
    }

    private func page(_ template: String, _ request: Request, _ context: WuyeRequestContext, _ values: [String: String],
                      errors: [String: String], status: HTTPResponse.Status) -> Response {
        let (token, isNew) = security.formToken(request)
        var all: [String: Any] = values
        all["title"] = "认领我的房屋"
        all["csrf"] = token
        all["errors"] = errors
        var response = renderer.render(template, all, for: context, status: status)
        if isNew { response.setCookie(security.formCookie(token)) }
        return response
    }
}
