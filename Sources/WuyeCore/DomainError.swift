import Foundation

/// A rule of the domain was broken by some input.
///
/// `code` is stable and machine-readable so that the web layer and tests can branch on it
/// without parsing prose; `message` is what a resident or clerk reads (Simplified Chinese);
/// `english` is for logs and for developers who do not read Chinese.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Stable snake_case identifier, e.g. `invalid_resident_id`.
    public let code: String
    /// Human-readable explanation in Simplified Chinese.
    public let message: String
    /// The same explanation in English.
    public let english: String
    /// The form field the error belongs to, when the caller knows it.
    public let field: String?

    public init(code: String, message: String, english: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.english = english
        self.field = field
    }

    /// The same error attributed to `field`, so value types can stay unaware of form layout
    /// and the caller that does know the layout can label the error.
    public func on(field: String) -> DomainError {
        DomainError(code: code, message: message, english: english, field: field)
    }

    public var description: String {
        if let field {
            return "\(english) (field: \(field))"
        }
        return english
    }
}
