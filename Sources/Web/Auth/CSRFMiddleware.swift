import Foundation
import Hummingbird
import NIOCore
import Storage

/// Every state-changing request from a browser carries the CSRF token: the session's for signed-in
/// accounts, the form cookie's for the anonymous forms (sign-in, claiming a home). It comes as the
/// `_csrf` form field or the `X-CSRF-Token` header. Bearer-token requests carry no cookies and need
/// none. The body is read here once, up to the context's limit (larger: 413), and handed on.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WuyeRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method) else { return try await next(request, context) }
        var request = request
        var context = context
        context.maxUploadSize = UploadLimits.limit(for: request)
        // A declared length over the limit is refused before a byte of the body is read.
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > context.maxUploadSize {
            throw NIOTooManyBytesError(maxBytes: context.maxUploadSize)
        }
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        if context.principal != nil, context.session == nil { return try await next(request, context) }  // bearer token
        // Open311 clients carry no cookies: a post is authorised by its api_key alone, never by a session.
        if request.uri.path.hasPrefix("/open311/v2/") { return try await next(request, context) }
        let expected = context.session?.csrfToken ?? request.cookies[WebSecurity.formCookie]?.value
        let header = request.headers.first { $0.name.canonicalName == "x-csrf-token" }?.value
        let sent = try header ?? MultipartForm.boundary(of: request).map { try MultipartForm(body: body, boundary: $0).fields["_csrf"] }
            ?? FormFields(body: body)["_csrf"]
        guard let expected, let sent, !expected.isEmpty, Secret.equal(expected, sent) else {
            throw CSRFRejected()
        }
        return try await next(request, context)
    }
}

/// A state-changing request without its CSRF token.
struct CSRFRejected: Error {}

