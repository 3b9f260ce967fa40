import Foundation
import Hummingbird
import Logging
import NIOCore
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

extension APIError {
    /// What a route threw, in the API's error shape: domain errors are the client's 422, refused
    /// access 401/403/404, Hummingbird's own errors keep their status, anything else is a 500 that
    /// leaks nothing.
    static func from(_ error: any Error, logger: Logger) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let refused as AccessRefused:
            return switch refused.status {
            case .unauthorized: APIError(.unauthorized, code: "unauthenticated", message: "请先登录或提供有效的访问令牌")
            case .forbidden: APIError(.forbidden, code: "forbidden", message: "无权进行此操作")
            default: APIError(.notFound, code: "not_found", message: "不存在或不在您的管理范围内")
            }
        case let limited as WriteRateLimited:
            return APIError(.tooManyRequests, code: "rate_limited",
                            message: "写入太频繁，请 \(limited.retryAfterSeconds) 秒后再试（Retry-After）")
        case is CSRFRejected:
            return APIError(.forbidden, code: "csrf_failed", message: "缺少或错误的 CSRF 令牌（X-CSRF-Token）", field: "_csrf")
        case let error as DomainError:
            return APIError(.unprocessableContent, error)
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, code: "body_too_large", message: "请求内容超过 64 KB")
        case let error as HTTPError:
            return APIError(error.status, code: "http_\(error.status.code)", message: error.body ?? error.status.reasonPhrase)
        default:
            logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return APIError(.internalServerError, code: "internal_error", message: "服务器内部错误")
        }
    }
}
