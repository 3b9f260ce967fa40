import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// `/metrics` in Prometheus text format: served only with the configured bearer token; requests
/// counted by route pattern (not raw path) and status, with latency histograms and the gauges.
struct MetricsTests {
    @Test func aScraperWithTheTokenReadsCountsByRoutePatternAndStatus() async throws {
        try await withDemoApp(configure: { $0.metricsToken = "scrape-secret" }) { browser, _ in
            _ = try await browser.execute(uri: "/healthz")
            _ = try await browser.execute(uri: "/healthz")
            _ = try await browser.execute(uri: "/compounds/1")     // not signed in: sent to sign in
            _ = try await browser.execute(uri: "/no-such-page")
            #expect(try await browser.execute(uri: "/metrics").status == .notFound)
            #expect(try await browser.execute(uri: "/metrics", headers: [.authorization: "Bearer wrong"]).status == .notFound)
            let metrics = try await browser.execute(uri: "/metrics", headers: [.authorization: "Bearer scrape-secret"])
            #expect(metrics.status == .ok && metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = metrics.text
            #expect(text.contains("wuye_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"))
            #expect(text.contains("route=\"/compounds/{id}\",status=\"303\"} 1"))
            #expect(text.contains("route=\"NotFound\",status=\"404\"} 1"))
            #expect(text.contains("wuye_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"+Inf\"} 2"))
            #expect(text.contains("wuye_database_up 1.0") && text.contains("wuye_escalation_sweep_age_seconds -1.0"))
            #expect(!text.contains("/compounds/1\""))
            // The demo app runs on SQLite: readers beside one writer; the scrape itself holds no connection.
            #expect(text.contains("wuye_db_pool_connections_max{pool=\"writer\"} 1.0"))
            #expect(text.contains("wuye_db_pool_connections_in_use{pool=\"readers\"} 0.0"))
            #expect(text.contains("# TYPE wuye_db_pool_waits_total counter"))
        }
    }
}
