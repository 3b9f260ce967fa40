import Foundation
import Hummingbird
import WuyeCore

/// An API error as every route answers it: `{"error":{"code","message","field"}}` with a 4xx.
public struct APIError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public let field: String?

    public init(_ status: HTTPResponse.Status, code: String, message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    public init(_ status: HTTPResponse.Status, _ error: DomainError) {
        self.init(status, code: error.code, message: error.message, field: error.field)
    }

    static func notFound(_ what: String, field: String? = nil) -> APIError {
        APIError(.notFound, code: "not_found", message: "\(what)不存在", field: field)
    }

    static func badParameter(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, code: "invalid_parameter", message: message, field: field)
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let field: String?
        }
        let error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try WuyeRequestContext.encoder.encode(Body(error: .init(code: code, message: message, field: field)))
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns what a route throws into the API's error shape: domain errors are the client's 422,
/// Hummingbird's own errors keep their status, anything else is a 500 that leaks nothing.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = WuyeRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as DomainError {
            throw APIError(.unprocessableContent, error)
        } catch let error as HTTPError {
            throw APIError(error.status, code: "http_\(error.status.code)", message: error.body ?? error.status.reasonPhrase)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            throw APIError(.internalServerError, code: "internal_error", message: "服务器内部错误")
        }
    }
}
