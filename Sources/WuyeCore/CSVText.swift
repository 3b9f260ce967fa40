/// CSV as Excel opens it: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads
/// the file as GBK and garbles every name), RFC 4180 quoting, CRLF line ends. Text cells that
/// begin like a formula are prefixed with an apostrophe so that a compound named "=HYPERLINK(…)"
/// is shown, not run (OWASP "CSV injection").
public enum CSVText {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A whole document: the mark, the header and the rows.
    public static func document(header: [String], rows: [[String]]) -> [UInt8] {
        var bytes = byteOrderMark
        bytes.append(contentsOf: line(header).utf8)
        for row in rows { bytes.append(contentsOf: line(row).utf8) }
        return bytes
    }

    /// One record with its line end.
    public static func line(_ fields: [String], end: String = "\r\n") -> String {
        fields.map(cell).joined(separator: ",") + end
    }

    static func cell(_ raw: String) -> String {
        var field = raw
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Int(field) == nil {
            field = "'" + field
        }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
