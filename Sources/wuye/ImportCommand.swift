import ArgumentParser
import Foundation
import Registry
import Storage

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data files.", subcommands: [ImportRegistryCommand.self])
}

struct ImportRegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Import a housing registry CSV (UTF-8; English keys or Chinese labels as headers).",
        discussion: "A file with any bad row writes nothing: every bad row is listed as 'line N: column: reason' and the command exits 1.")

    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let db = try await WuyeDatabase.open(try database.url())
        let bar = ProgressBar()
        let outcome: RegistryImportOutcome
        do {
            outcome = try await RegistryImporter(database: db).importFile(
                path: file,
                onIssue: { issue in bar.clear(); printError(issue.description) },
                onProgress: { bar.show($0) })
        } catch {
            bar.clear()
            await db.shutdown()
            throw error
        }
        bar.clear()
        await db.shutdown()
        switch outcome {
        case .rejected(let issues):
            printError("\(file): \(issues) problem(s) found; nothing was imported.")
            throw ExitCode(1)
        case .imported(let summary):
            print(summary.report)
            if !summary.changedAnything { print("nothing changed: the registry already matches this file") }
        }
    }
}

/// A one-line progress bar on a terminal's standard error; silent when not a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled = isatty(2) == 1
    private var shown = false

    func show(_ progress: ImportProgress) {
        guard enabled, progress.totalBytes > 0 else { return }
        let fraction = min(1, Double(progress.bytesRead) / Double(progress.totalBytes))
        let width = 30
        let filled = Int(fraction * Double(width))
        let label = progress.phase == .checking ? "checking" : "writing "
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(fraction * 100))%  \(progress.rows) rows".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
