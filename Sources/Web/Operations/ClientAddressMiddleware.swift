import HTTPTypes
import Hummingbird

/// Behind a reverse proxy every request comes from the proxy's address, so sign-in lock-outs and
/// write limits per address would lump all signed-out users together. For requests from the
/// configured proxy only, the client is the address the proxy names in `X-Real-IP` (nginx:
/// `proxy_set_header X-Real-IP $remote_addr`); from anyone else the header is ignored, since a
/// client could name any address it liked.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = WuyeRequestContext
    let trustedProxy: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if context.clientAddress == trustedProxy, let named = request.headers[HTTPField.Name("X-Real-IP")!],
           !named.isEmpty, named.utf8.count <= 45, named.utf8.allSatisfy({ $0 == 0x2E || $0 == 0x3A || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }) {
            context.clientAddress = named
        }
        return try await next(request, context)
    }
}
