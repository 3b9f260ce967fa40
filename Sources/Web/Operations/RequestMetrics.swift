import Foundation
import Hummingbird
import WuyeCore

/// Request counts and latencies per method, route pattern and status, kept in memory for `/metrics`
/// (Prometheus text format). Route patterns (`/compounds/{id}`), never raw paths, so the series stay few.
final class RequestMetrics: @unchecked Sendable {
    struct Key: Hashable, Comparable {
        let method: String
        let route: String
        let status: Int
        static func < (a: Key, b: Key) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    struct Series {
        var count = 0
        var seconds = 0.0
        var buckets = [Int](repeating: 0, count: RequestMetrics.bounds.count)
    }

    static let bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private let lock = NSLock()
    private var series: [Key: Series] = [:]
    let started = Date()

    func record(method: String, route: String, status: Int, seconds: Double) {
        lock.withLock {
            var one = series[Key(method: method, route: route, status: status), default: Series()]
            one.count += 1
            one.seconds += seconds
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { one.buckets[index] += 1 }
            series[Key(method: method, route: route, status: status)] = one
        }
    }

    /// A metric family beside the request series: its samples as (labels, value), labels already
    /// written as `name="value",…` (empty for none).
    struct Family {
        let name: String
        let help: String
        var type = "gauge"
        let samples: [(labels: String, value: Double)]
    }

    /// The text exposition (format 0.0.4) of the request series, plus the families given.
    func exposition(_ families: [Family]) -> String {
        let snapshot = lock.withLock { series }
        var out = "# HELP wuye_http_requests_total Requests answered, by method, route and status.\n# TYPE wuye_http_requests_total counter\n"
        for (key, one) in snapshot.sorted(by: { $0.key < $1.key }) { out += "wuye_http_requests_total{\(labels(key))} \(one.count)\n" }
        out += "# HELP wuye_http_request_duration_seconds Time to answer, by method and route.\n# TYPE wuye_http_request_duration_seconds histogram\n"
        var byRoute: [Key: Series] = [:]
        for (key, one) in snapshot {
            let route = Key(method: key.method, route: key.route, status: 0)
            var sum = byRoute[route, default: Series()]
            sum.count += one.count
            sum.seconds += one.seconds
            for index in sum.buckets.indices { sum.buckets[index] += one.buckets[index] }
            byRoute[route] = sum
        }
        for (key, one) in byRoute.sorted(by: { $0.key < $1.key }) {
            let base = "method=\"\(key.method)\",route=\"\(escape(key.route))\""
            for (index, bound) in Self.bounds.enumerated() { out += "wuye_http_request_duration_seconds_bucket{\(base),le=\"\(bound)\"} \(one.buckets[index])\n" }
            out += "wuye_http_request_duration_seconds_bucket{\(base),le=\"+Inf\"} \(one.count)\n"
            out += "wuye_http_request_duration_seconds_sum{\(base)} \(one.seconds)\nwuye_http_request_duration_seconds_count{\(base)} \(one.count)\n"
        }
        for family in families {
            out += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) \(family.type)\n"
            for sample in family.samples {
                out += sample.labels.isEmpty ? "\(family.name) \(sample.value)\n" : "\(family.name){\(sample.labels)} \(sample.value)\n"
            }
        }
        return out
    }

    private func labels(_ key: Key) -> String { "method=\"\(key.method)\",route=\"\(escape(key.route))\",status=\"\(key.status)\"" }
    private func escape(_ text: String) -> String { text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
}

/// Times every request that reaches the router and records it by its route pattern.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func seconds() -> Double { (ContinuousClock.now - start).inSeconds }
        do {
            let response = try await next(request, context)
            metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "NotFound", status: response.status.code, seconds: seconds())
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "NotFound", status: status, seconds: seconds())
            throw error
        }
    }
}
