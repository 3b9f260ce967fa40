import ArgumentParser
import Assembly
import Foundation
import Storage

struct AssemblyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assembly", abstract: "Owners' assemblies.", subcommands: [RecountCommand.self])
}

/// `wuye assembly recount EXPORT.json`: anyone can check a published result from the export alone.
struct RecountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recount",
        abstract: "Recompute a meeting's result from its published export; exit 1 if the export disagrees with itself.")

    @Argument(help: "The meeting's export (JSON, format wuye-assembly-export/1).") var export: String

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: export)) } catch {
            printError("\(export): cannot read the file (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        let decoded: AssemblyExport
        do { decoded = try JSONDecoder().decode(AssemblyExport.self, from: data) } catch {
            printError("\(export): not a meeting export: \(Self.describe(error))")
            throw ExitCode(2)
        }
        let recount = Recount(decoded, hash: ChainHash.sha256)
        print("\(decoded.meeting.title): \(decoded.votingRights.count) voting rights, "
              + "\(String(format: "%.2f", Double(decoded.totals.area) / 100)) m², \(decoded.ballots.count) ballots")
        for (result, motion) in zip(recount.results, decoded.motions) {
            let c = result.count
            print("  motion \(motion.id) (\(motion.matter.citation), \(motion.matter.threshold == .special ? "≥ 3/4" : "> 1/2")) "
                  + "\(motion.title): participating \(c.participatingArea)/\(c.participatingHeadcount), "
                  + "agree \(c.agreeArea)/\(c.agreeHeadcount), disagree \(c.disagreeArea)/\(c.disagreeHeadcount), "
                  + "abstain \(c.abstainArea)/\(c.abstainHeadcount) (area in 0.01 m² / headcount) — "
                  + "quorum \(result.quorum ? "met" : "not met"), \(result.passed ? "PASSED" : "NOT PASSED")")
        }
        if recount.confirmsPublishedResult {
            print("the published result is confirmed by the ballots")
        } else {
            for problem in recount.problems { printError("✗ \(problem)") }
            throw ExitCode(1)
        }
    }

    /// Where in the file a decoding error is, in words.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default:
            "\(error)"
        }
    }
}
