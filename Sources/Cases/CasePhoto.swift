import WuyeCore

/// A photo attached to a case, checked by its bytes rather than by what the browser claims: JPEG,
/// PNG, WebP or HEIC (what phone cameras produce), at most `maxBytes` each and `maxCount` per case.
public enum CasePhoto {
    public static let maxBytes = 6 * 1024 * 1024
    public static let maxCount = 4

    /// An image kind (`UploadKind` without PDF).
    public typealias Format = UploadKind

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

    static func format(of bytes: [UInt8]) -> Format? {
        UploadKind.of(bytes).flatMap { $0.isImage ? $0 : nil }
    }
}
