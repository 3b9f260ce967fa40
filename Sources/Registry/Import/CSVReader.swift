import Foundation
import WuyeCore

/// One record of a CSV file and the line it starts on (quoted fields may span lines).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// A streaming RFC 4180 reader: reads the file in chunks so a city-sized registry (hundreds of MB)
/// never sits in memory. Accepts a UTF-8 BOM, LF or CRLF line ends, and quoted fields with `""`.
/// Not Sendable: one reader belongs to one task.
public final class CSVReader {
    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var position = 0
    private var exhausted: Bool
    private var line = 1
    private var started = false
    public private(set) var bytesRead: Int = 0
    private static let chunkSize = 1 << 20

    public init(path: String) throws(DomainError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DomainError(code: "file_not_found", message: "无法打开文件 \(path)", english: "cannot open file \(path)")
        }
        self.handle = handle
        self.buffer = []
        self.exhausted = false
    }

    public init(bytes: [UInt8]) {
        self.handle = nil
        self.buffer = bytes
        self.exhausted = true
        self.bytesRead = bytes.count
    }

    public convenience init(text: String) { self.init(bytes: Array(text.utf8)) }

    deinit { try? handle?.close() }

    /// Refills the buffer keeping the unread tail; returns false at end of file.
    private func refill() -> Bool {
        guard !exhausted, let handle else { return false }
        let data = handle.readData(ofLength: Self.chunkSize)
        if data.isEmpty {
            exhausted = true
            return false
        }
        bytesRead += data.count
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: data)
        return true
    }

    private func peek() -> UInt8? {
        if position >= buffer.count, !refill() { return nil }
        return buffer[position]
    }

    /// The next record, or nil at end of file. Throws when a line is not valid UTF-8 (Excel's
    /// default "CSV" export is GBK; the clerk must choose "CSV UTF-8").
    public func next() throws(DomainError) -> CSVRecord? {
        if !started {
            started = true
            while buffer.count - position < 3, refill() {}
            if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB,
               buffer[position + 2] == 0xBF {
                position += 3
            }
        }
        guard peek() != nil else { return nil }
        let recordLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while true {
            guard let byte = peek() else {
                if quoted {
                    throw DomainError(code: "csv_unterminated_quote", message: "第 \(recordLine) 行：引号没有闭合",
                                      english: "line \(recordLine): unterminated quoted field")
                }
                fields.append(try Self.decode(field, line: recordLine))
                return CSVRecord(line: recordLine, fields: fields)
            }
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if peek() == UInt8(ascii: "\"") {
                        position += 1
                        field.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(try Self.decode(field, line: recordLine))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\"") where field.isEmpty:
                quoted = true
            case UInt8(ascii: "\r"):
                if peek() == UInt8(ascii: "\n") { position += 1 }
                line += 1
                fields.append(try Self.decode(field, line: recordLine))
                return CSVRecord(line: recordLine, fields: fields)
            case UInt8(ascii: "\n"):
                line += 1
                fields.append(try Self.decode(field, line: recordLine))
                return CSVRecord(line: recordLine, fields: fields)
            default:
                field.append(byte)
            }
        }
    }

    private static func decode(_ bytes: [UInt8], line: Int) throws(DomainError) -> String {
        // Codes, numbers and IDs are ASCII, always valid UTF-8: skip the validating decoder.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        // Decoding replaces each invalid sequence with U+FFFD, so valid UTF-8 alone comes back
        // byte for byte (`String(validating:)` does the same check through generic code that was
        // 7% of an import).
        let text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.utf8.count == bytes.count && (text.utf8.withContiguousStorageIfAvailable { decoded in
            bytes.withUnsafeBufferPointer { memcmp(decoded.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
        } ?? text.utf8.elementsEqual(bytes))
        guard unchanged else {
            throw DomainError(
                code: "csv_not_utf8",
                message: "第 \(line) 行：文件不是 UTF-8 编码（在 Excel 中请“另存为 CSV UTF-8”）",
                english: "line \(line): the file is not UTF-8 (in Excel, save as \"CSV UTF-8\")")
        }
        return text
    }
}
