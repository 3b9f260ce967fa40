import Hummingbird
import NIOCore

/// The outermost middleware: whatever a route or an inner middleware throws becomes the API's JSON
/// error under `/api/`, and a page everywhere else (401 on a page: off to sign in, then back).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WuyeRequestContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var response = request.uri.path.hasPrefix("/api/")
                ? try APIError.from(error, logger: context.logger).response(from: request, context: context)
                : page(for: error, request: request, context: context)
            if let limited = error as? WriteRateLimited { response.headers[.retryAfter] = "\(limited.retryAfterSeconds)" }
            return response
        }
    }

    private func page(for error: any Error, request: Request, context: Context) -> Response {
        let (status, heading, message): (HTTPResponse.Status, String, String) = switch error {
        case let refused as AccessRefused where refused.status == .unauthorized:
            (.unauthorized, "", "")
        case let refused as AccessRefused where refused.status == .forbidden:
            (.forbidden, "无权访问", "您的账号没有这项权限。")
        // Any other refusal is "not found"; of HTTP errors, only 404 is.
        case is AccessRefused,
             is HTTPError where (error as? HTTPError)?.status == .notFound:
            (.notFound, "找不到页面", "要找的内容不存在，或不在您的管理范围内。")
        case let limited as WriteRateLimited:
            (.tooManyRequests, "操作太频繁", "请 \(limited.retryAfterSeconds) 秒后再试。")
        case is CSRFRejected:
            (.forbidden, "表单已过期", "为保护您的账号，这次提交没有生效。请回到上一页刷新后重试。")
        case is NIOTooManyBytesError:
            (.contentTooLarge, "内容过大", "提交的内容超过了允许的大小（64 KB）。")
        case let error as HTTPError:
            (error.status, "请求有误", error.status.reasonPhrase)
        case let error as APIError where error.status.code < 500:
            (error.status, "请求有误", error.message)
        default:
            (.internalServerError, "出错了", "服务器内部错误，请稍后再试。")
        }
        if status == .unauthorized {
            let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return .redirect(to: "/login?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
                             type: .normal)
        }
        if status == .internalServerError {
            context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        return renderer.render("error", ["title": heading, "heading": heading, "message": message, "crumbs": [Any]()],
                               for: context, status: status)
    }
}
