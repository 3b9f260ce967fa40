/// What an uploaded file is, judged by its first bytes rather than by the name or type the browser
/// claims: the images phone cameras and scanners produce, and PDF.
public enum UploadKind: String, Sendable, CaseIterable {
    case jpeg = "image/jpeg", png = "image/png", webp = "image/webp", heic = "image/heic", pdf = "application/pdf"

    public static func of(_ b: [UInt8]) -> UploadKind? {
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return .jpeg }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return .webp }
        if b.count >= 12, Array(b[4..<8]) == Array("ftyp".utf8),
           ["heic", "heix", "mif1", "msf1", "hevc"].contains(String(decoding: b[8..<12], as: UTF8.self)) { return .heic }
        if b.starts(with: Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    public var isImage: Bool { self != .pdf }
}
