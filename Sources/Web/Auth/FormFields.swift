import Foundation
import Hummingbird

/// The fields of a URL-encoded form body (`application/x-www-form-urlencoded`), as text.
struct FormFields: Sendable {
    private(set) var values: [String: String] = [:]

    init(body: ByteBuffer) {
        self.init(encoded: String(buffer: body))
    }

    /// Fields in `application/x-www-form-urlencoded`, as a body or a URL's query carries them.
    init(encoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(parts[0]) else { continue }
            values[key] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// These fields with `other`'s laid over them.
    func merging(_ other: FormFields) -> FormFields {
        var merged = self
        merged.values.merge(other.values) { _, new in new }
        return merged
    }

    /// A field's text, trimmed; "" when absent.
    func text(_ name: String) -> String { values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The form of a request whose body the CSRF middleware has already collected.
    static func of(_ request: Request, context: WuyeRequestContext) async throws -> FormFields {
        FormFields(body: try await request.body.collect(upTo: context.maxUploadSize))
    }
}
