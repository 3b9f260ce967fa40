import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body (a form with files, as a phone's camera input sends it): its text
/// fields and its files.
struct MultipartForm {
    struct Upload {
        let name: String
        let filename: String
        let bytes: [UInt8]
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [Upload] = []

    /// The boundary of a multipart request, nil for any other body.
    static func boundary(of request: Request) -> String? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: type)
    }

    init(body: ByteBuffer, boundary: String) throws {
        // A body cut off in transit parses as a shorter form, its last part silently dropped: only a
        // body that ends with the closing delimiter (as every browser sends it) is taken whole.
        guard Self.endsWithClosingDelimiter(body, boundary: boundary) else {
            throw APIError.badParameter("body", "上传不完整或格式不正确，请重新提交")
        }
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var data = ByteBuffer()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in data.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: data))
            headers = HTTPHeaders()
            data = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw APIError.badParameter("body", "表单格式不正确")
        }
        for part in parts {
            guard let name = part.name else { continue }
            let filename = Self.parameter("filename", in: part.headers.first(name: "Content-Disposition") ?? "")
            if let filename {
                // A file input left empty still sends a part, with no name and no bytes.
                if part.body.readableBytes > 0 || !filename.isEmpty {
                    files.append(Upload(name: name, filename: filename, bytes: Array(buffer: part.body)))
                }
            } else {
                fields[name] = String(buffer: part.body)
            }
        }
    }

    private static func endsWithClosingDelimiter(_ body: ByteBuffer, boundary: String) -> Bool {
        var bytes = body.readableBytesView[...]
        while let last = bytes.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        return bytes.reversed().starts(with: Array("--\(boundary)--".utf8).reversed())
    }

    /// A field's text, trimmed; "" when absent.
    func text(_ name: String) -> String { fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// The form of a request the CSRF middleware has already collected: multipart, or else URL-encoded.
    static func of(_ request: Request, context: WuyeRequestContext) async throws -> MultipartForm {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        if let boundary = boundary(of: request) { return try MultipartForm(body: body, boundary: boundary) }
        return MultipartForm(fields: FormFields(body: body).values)
    }

    private init(fields: [String: String]) {
        self.fields = fields
    }

    /// A `key=value` parameter of a header (a Content-Type's boundary, a part's filename).
    static func parameter(_ key: String, in header: String) -> String? {
        for parameter in header.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == key { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }
}
