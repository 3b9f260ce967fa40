import Foundation
import WuyeCore
import Logging

/// One JSON object per line, for a log shipper: time (UTC, milliseconds), level, label, message and
/// the metadata, with Hummingbird's `hb.request.id` named `request_id` — the id a request's response
/// header and audit entries carry too.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (String) -> Void

    /// `write` receives each line without its newline; the default appends it to standard error.
    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { $1 } }
        if let given = event.metadata { fields.merge(given) { $1 } }
        var line = "{\"time\":\(JSONText.quoted(Date().formatted(Self.time))),\"level\":\(JSONText.quoted(event.level.rawValue))"
        line += ",\"label\":\(JSONText.quoted(label)),\"message\":\(JSONText.quoted(event.message.description))"
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            line += ",\(JSONText.quoted(key == "hb.request.id" ? "request_id" : key)):\(JSONText.quoted(value.description))"
        }
        write(line + "}")
    }

    private static let time = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let lock = NSLock()

    public static let standardError: @Sendable (String) -> Void = { line in
        let data = Data((line + "\n").utf8)
        lock.withLock { FileHandle.standardError.write(data) }
    }

}
