import Hummingbird

/// Reading path and query parameters with the API's errors.
extension Request {
    func pathID(_ context: WuyeRequestContext, _ name: String = "id") throws -> Int64 {
        guard let text = context.parameters.get(name), let id = Int64(text), id > 0 else {
            throw APIError.badParameter(name, "\(name) 必须是正整数")
        }
        return id
    }

    /// `limit` from 1 to 200, 50 by default.
    func pageLimit() throws -> Int {
        guard let text = uri.queryParameters.get("limit") else { return 50 }
        guard let limit = Int(text), (1...200).contains(limit) else {
            throw APIError.badParameter("limit", "limit 必须是 1 到 200 之间的整数")
        }
        return limit
    }

    func cursor() throws -> Int64? {
        guard let text = uri.queryParameters.get("cursor"), !text.isEmpty else { return nil }
        guard let cursor = Int64(text), cursor >= 0 else {
            throw APIError.badParameter("cursor", "cursor 无效")
        }
        return cursor
    }
}
