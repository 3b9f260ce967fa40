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
}

/// Writes to standard error, where diagnostics and progress go.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
