import ArgumentParser
import Foundation
import Storage
import WuyeCore

/// `--database URL`, else `WUYE_DATABASE_URL`, else `sqlite:wuye.sqlite`.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "sqlite:PATH or postgres://user:pass@host:port/db (env WUYE_DATABASE_URL; default sqlite:wuye.sqlite)")
    var database: String?

    func url() throws -> DatabaseURL {
        guard let text = database ?? ProcessInfo.processInfo.environment["WUYE_DATABASE_URL"] else { return .default }
        do {
            return try DatabaseURL(text)
        } catch {
            throw ValidationError(error.english)
        }
    }

    /// Opens the database, runs `body` on it and shuts it down, whether `body` succeeds or throws.
    func using<T>(_ body: (WuyeDatabase) async throws -> T) async throws -> T {
        let db = try await WuyeDatabase.open(try url())
        do {
            let result = try await body(db)
            await db.shutdown()
            return result
        } catch {
            await db.shutdown()
            throw error
        }
    }
}

/// Writes to standard error, where diagnostics and progress go.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
