import Foundation
import Logging
import Testing
import Web

/// Log lines a shipper can parse: one JSON object per line, whatever the message holds.
struct JSONLogHandlerTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [String] = []
        func add(_ line: String) { lock.withLock { all.append(line) } }
        var lines: [String] { lock.withLock { all } }
    }

    @Test func eachEntryIsOneJSONObjectWithTheRequestIDNamed() throws {
        let sink = Lines()
        var logger = Logger(label: "wuye") { JSONLogHandler(label: $0, write: sink.add) }
        logger[metadataKey: "hb.request.id"] = "edge-42"
        logger.info("request", metadata: ["status": "200", "path": "/compounds/7"])
        logger.warning("odd \"input\"\nsecond line\u{1}", metadata: ["field": "名称"])
        logger.debug("not at info")

        #expect(sink.lines.count == 2)
        #expect(sink.lines.allSatisfy { !$0.contains("\n") })
        let first = try #require(JSONSerialization.jsonObject(with: Data(sink.lines[0].utf8)) as? [String: String])
        #expect(first["request_id"] == "edge-42" && first["level"] == "info" && first["message"] == "request")
        #expect(first["status"] == "200" && first["path"] == "/compounds/7" && first["label"] == "wuye")
        #expect(first["time"].map { $0.hasSuffix("Z") && $0.contains(".") } == true)
        let second = try #require(JSONSerialization.jsonObject(with: Data(sink.lines[1].utf8)) as? [String: String])
        #expect(second["message"] == "odd \"input\"\nsecond line\u{1}" && second["field"] == "名称")
    }
}
