import WuyeCore

/// A photo attached to a case, checked by its bytes rather than by what the browser claims: JPEG,
/// PNG, WebP or HEIC (what phone cameras produce), at most `maxBytes` each and `maxCount` per case.
public enum CasePhoto {
    public static let maxBytes = 6 * 1024 * 1024
    public static let maxCount = 4

    public enum Format: String, Sendable {
        case jpeg = "image/jpeg", png = "image/png", webp = "image/webp", heic = "image/heic"
    }

    /// The photo's format, or a clear error naming `field`.
    public static func check(_ bytes: [UInt8], field: String = "photos") throws(DomainError) -> Format {
        guard !bytes.isEmpty else {
            throw DomainError(code: "empty_photo", message: "照片是空的", english: "the photo is empty", field: field)
        }
        guard bytes.count <= maxBytes else {
            throw DomainError(code: "photo_too_large", message: "每张照片不超过 \(maxBytes / 1024 / 1024) MB",
                              english: "a photo is at most \(maxBytes / 1024 / 1024) MB", field: field)
        }
        guard let format = format(of: bytes) else {
            throw DomainError(code: "photo_type", message: "照片须为 JPEG、PNG、WebP 或 HEIC 格式",
                              english: "a photo is JPEG, PNG, WebP or HEIC", field: field)
        }
        return format
    }

    public static func checkCount(_ count: Int) throws(DomainError) {
        guard count <= maxCount else {
            throw DomainError(code: "too_many_photos", message: "每件最多 \(maxCount) 张照片",
                              english: "at most \(maxCount) photos per case", field: "photos")
        }
    }

    static func format(of b: [UInt8]) -> Format? {
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return .jpeg }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) { return .webp }
        if b.count >= 12, Array(b[4..<8]) == Array("ftyp".utf8),
           ["heic", "heix", "mif1", "msf1", "hevc"].contains(String(decoding: b[8..<12], as: UTF8.self)) { return .heic }
        return nil
    }
}
