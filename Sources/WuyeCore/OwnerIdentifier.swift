import Foundation

/// The identifier of a property owner: a person's identity number or an organisation's
/// unified social credit code, both 18 characters long.
public enum OwnerIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    case person(ResidentID)
    case organisation(CreditCode)

    /// Reads either kind from one form field.
    ///
    /// Both kinds are 18 characters and a credit code may begin with 17 digits
    /// (91370200264574251E), so the shape alone cannot decide: a number whose first 17
    /// characters are digits is tried as a resident ID first, then as a credit code. When both
    /// fail, the error of the more likely kind is reported so the message says what is wrong.
    public init(_ raw: String, today: Date = Date()) throws(DomainError) {
        let trimmed = raw.trimmedWhitespace
        // A short all-digit entry is a mistyped ID far more often than a credit code.
        // (On the bytes: the characters' prefix was 2% of an import.)
        let head = trimmed.utf8.prefix(17)
        let looksPersonal = !head.isEmpty && head.allSatisfy { $0 >= 48 && $0 <= 57 }
        var personError: DomainError?
        if looksPersonal {
            do throws(DomainError) {
                self = .person(try ResidentID(trimmed, today: today))
                return
            } catch {
                personError = error
            }
        }
        do throws(DomainError) {
            self = .organisation(try CreditCode(trimmed))
        } catch {
            throw personError ?? error
        }
    }

    /// The identifier as stored: 18 characters, upper case.
    public var rawValue: String {
        switch self {
        case .person(let id): id.rawValue
        case .organisation(let code): code.rawValue
        }
    }

    public var isPerson: Bool {
        if case .person = self { return true }
        return false
    }

    /// Resident IDs are personal information and are masked; credit codes are public
    /// registration data (国家企业信用信息公示系统) and are shown in full to everyone.
    public func masked(for audience: MaskAudience) -> String {
        switch self {
        case .person(let id): id.masked(for: audience)
        case .organisation(let code): code.rawValue
        }
    }

    public var description: String {
        rawValue
    }

    // Encoded as the bare 18-character string; the kind is recovered by parsing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do throws(DomainError) {
            try self.init(raw)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.english)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
