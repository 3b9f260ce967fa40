import WuyeCore

/// The field rules of the registry import format and their messages.
public enum RegistryRules {
    static let required = DomainError(code: "required", message: "不能为空", english: "required")

    static func tooLong(_ max: Int) -> DomainError {
        DomainError(code: "too_long", message: "不能超过 \(max) 个字", english: "longer than \(max) characters")
    }

    static func wrongLevel(_ raw: String, expected: DivisionLevel) -> DomainError {
        DomainError(code: "invalid_division_code", message: "\(raw) 不是\(expected.chineseName)代码",
                    english: "\(raw) is not a \(expected.rawValue) code")
    }

    static func unknownCompoundType(_ raw: String) -> DomainError {
        DomainError(code: "invalid_compound_type",
                    message: "小区类型“\(raw)”无效，应为 closed/封闭式、open/开放式 或 commercial/商务楼宇",
                    english: "unknown compound type \"\(raw)\" (closed, open or commercial)")
    }

    static func badDelivered(_ raw: String) -> DomainError {
        DomainError(code: "invalid_delivered", message: "是否交付“\(raw)”无效，应为 是/否 或 yes/no",
                    english: "delivered must be yes or no, not \"\(raw)\"")
    }

    static func parseDelivered(_ raw: String) -> Bool? {
        // The usual spellings first, without lower-casing a copy of every row's value.
        switch raw {
        case "yes", "是": return true
        case "no", "否": return false
        default: break
        }
        return switch raw.lowercased() {
        case "yes", "y", "true", "1", "是", "已交付": true
        case "no", "n", "false", "0", "否", "未交付": false
        default: nil
        }
    }

    /// "3号楼", "3栋", "3幢" and "3" are the same building; other names ("A座") stay as written.
    public static func normaliseBuilding(_ raw: String) -> String {
        stripSuffix(raw, ["号楼", "栋", "幢", "号"])
    }

    /// "2单元" and "2" are the same unit.
    public static func normaliseUnit(_ raw: String) -> String { stripSuffix(raw, ["单元"]) }

    /// "501室" and "501" are the same home.
    public static func normaliseHome(_ raw: String) -> String { stripSuffix(raw, ["室", "号"]) }

    private static func stripSuffix(_ raw: String, _ suffixes: [String]) -> String {
        // Every suffix ends in a Chinese character; most labels end in an ASCII digit.
        guard let last = raw.utf8.last, last >= 0x80 else { return raw }
        for suffix in suffixes where raw.hasSuffix(suffix) {
            let stem = String(raw.dropLast(suffix.count))
            if !stem.isEmpty, stem.allSatisfy(\.isASCII), stem.allSatisfy(\.isNumber) { return stem }
        }
        return raw
    }
}
