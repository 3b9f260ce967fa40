import Hummingbird
import WuyeCore

extension Response {
    /// A CSV download that Excel opens with its Chinese text intact (see `CSVText`).
    static func csv(named name: String, header: [String], rows: [[String]]) -> Response {
        csv(named: name, bytes: CSVText.document(header: header, rows: rows))
    }

    static func csv(named name: String, bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
