import Hummingbird
import WuyeCore

extension Response {
    /// A CSV download that Excel opens with its Chinese text intact (see `CSVText`).
    static func csv(named name: String, header: [String], rows: [[String]]) -> Response {
        Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: CSVText.document(header: header, rows: rows))))
    }
}
