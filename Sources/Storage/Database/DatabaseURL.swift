import Foundation
import WuyeCore

/// Where the data lives: `sqlite:PATH` (embedded, the default) or
/// `postgres://user:pass@host:port/db` (scale).
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(host: String, port: Int, username: String, password: String?, database: String)

    public static let `default` = DatabaseURL.sqlite(path: "wuye.sqlite")

    public init(_ text: String) throws(DomainError) {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw Self.invalid(text) }
            self = .sqlite(path: path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
              let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty
        else { throw Self.invalid(text) }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty else { throw Self.invalid(text) }
        self = .postgres(host: host, port: components.port ?? 5432, username: user,
                         password: components.password?.removingPercentEncoding, database: database)
    }

    private static func invalid(_ text: String) -> DomainError {
        DomainError(code: "invalid_database_url",
                    message: "数据库地址无效：应为 sqlite:文件路径 或 postgres://用户:密码@主机:端口/库名",
                    english: "database URL must be sqlite:PATH or postgres://user:pass@host:port/db",
                    field: "database")
    }

    /// The URL without its password, for logs.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let host, let port, let username, _, let database):
            "postgres://\(username)@\(host):\(port)/\(database)"
        }
    }
}
