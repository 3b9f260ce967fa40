import WuyeCore

/// What is wrong with one field of one line of a registry file, printed as `line N: column: reason`.
public struct RegistryIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    /// The column as the file's header names it (English key or Chinese label).
    public var column: String
    public var reason: String
    public var code: String

    public init(line: Int, column: String, reason: String, code: String) {
        self.line = line
        self.column = column
        self.reason = reason
        self.code = code
    }

    public init(line: Int, column: String, error: DomainError) {
        self.init(line: line, column: column, reason: "\(error.message) (\(error.english))", code: error.code)
    }

    public var description: String { "line \(line): \(column): \(reason)" }
}
