import Foundation
import HTTPTypes
import Hummingbird
import Logging
import WuyeCore

/// Gives every request one id and logs one line when it is answered.
///
/// The id is the one a proxy in front sent as `X-Request-Id` (nginx: `proxy_set_header X-Request-Id
/// $request_id`) when it is a plain token, otherwise Hummingbird's own; it goes back in the response's
/// `X-Request-Id`, into every log line of the request and into the audit entries the request writes,
/// so an operator can follow one request from the proxy's log to the audit log.
///
/// The line names the route pattern and the path without its query (queries carry names and
/// phone numbers people search for), the status and the time taken, never a body; who did a write
/// is in the audit log under the same id.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// When false only the id is kept (in-process tests would otherwise print every request).
    let logEachRequest: Bool

    static var header: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let given = request.headers[Self.header], Self.isPlainToken(given) {
            context.logger[metadataKey: "hb.request.id"] = .string(given)
        }
        let id = context.id
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[Self.header] = id
            log(request, context, status: response.status.code, since: start)
            return response
        } catch {
            // The error middleware inside turns errors into responses; anything past it is rare.
            log(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        guard logEachRequest else { return }
        let milliseconds = (ContinuousClock.now - start).inSeconds * 1_000
        let metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "route": .string(context.endpointPath ?? "-"),
            "status": .stringConvertible(status),
            "ms": .string(String(format: "%.1f", milliseconds)),
        ]
        context.logger.log(level: status >= 500 ? .error : .info, "request", metadata: metadata)
    }

    /// 1–64 characters of letters, digits, `-`, `_` and `.`: nothing that could forge a log line.
    static func isPlainToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
    }
}
