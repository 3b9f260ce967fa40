import Foundation
import WuyeCore
import Hummingbird

/// A GeoReport v2 answer, written once and rendered as JSON or XML the way the specification's
/// examples are: a JSON array of objects is an XML root element of repeated items, `null` is an
/// empty element, and lists nest as `<values><value>…</value></values>`.
struct Open311Document: Sendable {
    indirect enum Value: Sendable {
        case text(String?)
        case number(Int)
        /// A decimal written as it is: `36.066938`.
        case decimal(String)
        case bool(Bool)
        case object(Fields)
        /// A list of objects (`values` of `value` items) or of strings (`formats` of `format`).
        case objects(item: String, [Fields])
        case strings(item: String, [String])
    }

    typealias Fields = [(String, Value)]

    enum Root: Sendable {
        /// `[ {…}, … ]` in JSON; `<root><item>…</item>…</root>` in XML.
        case list(root: String, item: String, [Fields])
        /// `{…}` in JSON; `<root>…</root>` in XML.
        case object(root: String, Fields)
    }

    let root: Root

    enum Format: String, Sendable {
        case json, xml

        var contentType: String { self == .json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8" }

        /// The format a path segment ends in ("requests.json"), with the segment's name before it.
        static func split(_ segment: String) -> (name: String, format: Format)? {
            guard let dot = segment.lastIndex(of: "."), let format = Format(rawValue: String(segment[segment.index(after: dot)...]).lowercased())
            else { return nil }
            return (String(segment[..<dot]), format)
        }
    }

    func response(_ format: Format, status: HTTPResponse.Status = .ok) -> Response {
        let text = format == .json ? json() : xml()
        return Response(status: status, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: - JSON

    func json() -> String {
        switch root {
        case .list(_, _, let items): "[" + items.map(Self.json(object:)).joined(separator: ",") + "]"
        case .object(_, let fields): Self.json(object: fields)
        }
    }

    static func json(object fields: Fields) -> String {
        "{" + fields.map { key, value in JSONText.quoted(key) + ":" + json(value) }.joined(separator: ",") + "}"
    }

    static func json(_ value: Value) -> String {
        switch value {
        case .text(let text): text.map(JSONText.quoted) ?? "null"
        case .number(let number): String(number)
        case .decimal(let digits): digits
        case .bool(let flag): flag ? "true" : "false"
        case .object(let fields): json(object: fields)
        case .objects(_, let items): "[" + items.map(json(object:)).joined(separator: ",") + "]"
        case .strings(_, let items): "[" + items.map(JSONText.quoted).joined(separator: ",") + "]"
        }
    }


    // MARK: - XML

    func xml() -> String {
        let head = #"<?xml version="1.0" encoding="utf-8"?>"#
        switch root {
        case .list(let root, let item, let items):
            return head + "<\(root)>" + items.map { "<\(item)>" + Self.xml(fields: $0) + "</\(item)>" }.joined() + "</\(root)>"
        case .object(let root, let fields):
            return head + "<\(root)>" + Self.xml(fields: fields) + "</\(root)>"
        }
    }

    static func xml(fields: Fields) -> String {
        fields.map { key, value in
            switch value {
            case .text(nil): "<\(key)/>"
            case .text(let text?): "<\(key)>\(escaped(text))</\(key)>"
            case .number(let number): "<\(key)>\(number)</\(key)>"
            case .decimal(let digits): "<\(key)>\(digits)</\(key)>"
            case .bool(let flag): "<\(key)>\(flag)</\(key)>"
            case .object(let inner): "<\(key)>\(xml(fields: inner))</\(key)>"
            case .objects(let item, let items): "<\(key)>" + items.map { "<\(item)>\(xml(fields: $0))</\(item)>" }.joined() + "</\(key)>"
            case .strings(let item, let items): "<\(key)>" + items.map { "<\(item)>\(escaped($0))</\(item)>" }.joined() + "</\(key)>"
            }
        }.joined()
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// GeoReport's error answer: `[{"code": 400, "description": "…"}]` or `<errors><error>…`.
    static func errors(status: HTTPResponse.Status, _ description: String) -> Open311Document {
        Open311Document(root: .list(root: "errors", item: "error", [[("code", .number(status.code)), ("description", .text(description))]]))
    }
}
