import ArgumentParser
import Assembly
import Foundation
import Storage
import WuyeCore

/// The casting benchmark's two ends, around `wrk` (scripts/bench-casting): `setup` opens a meeting
/// in every compound with a committee token each; `check` proves that every acknowledged ballot is
/// in its meeting's chain and that no right counts twice, however often it was submitted.
struct CastingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "casting", abstract: "Open meetings everywhere; check the ballots cast.",
                                                    subcommands: [Setup.self, Check.self])

    struct Setup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Convene a meeting open for voting in every compound; write the tokens.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "Write one line per compound: token meeting-id voting-rights.") var seats: String
        @Option(help: "Only the first N compounds.") var compounds: Int?

        func run() async throws {
            let db = try await WuyeDatabase.open(try database.url())
            let start = ContinuousClock.now
            do {
                let opened = try await MeetingsEverywhere.open(in: db, compounds: compounds) { done, total in
                    if done % 500 == 0 || done == total { print("\(done)/\(total) meetings open (\(ContinuousClock.now - start))") }
                }
                try opened.map { "\($0.token) \($0.meetingID) \($0.rights)" }.joined(separator: "\n").appending("\n")
                    .write(toFile: seats, atomically: true, encoding: .utf8)
                print("\(opened.count) meetings open at once, \(opened.reduce(0) { $0 + $1.rights }) voting rights, in \(ContinuousClock.now - start)")
            } catch {
                await db.shutdown()
                throw error
            }
            await db.shutdown()
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check acknowledged ballots: none lost, none counted twice.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "The acknowledgements wrk wrote: lines of right-number receipt.") var acks: String
        @Option(help: "Recount this many of the meetings that received ballots (all: 0).") var recount = 500

        func run() async throws {
            let sent = try String(contentsOfFile: acks, encoding: .utf8).split(separator: "\n").compactMap { line -> (Int, String)? in
                let parts = line.split(separator: " ")
                return parts.count == 2 ? Int(parts[0]).map { ($0, String(parts[1])) } : nil
            }
            let db = try await WuyeDatabase.open(try database.url())
            // Every ballot's receipt, right and meeting, in one read.
            var stored: [String: (meeting: Int64, right: Int)] = [:]
            for row in try await db.read({ sql in try await sql.raw("SELECT meeting_id, right_number, receipt FROM ballots").all() }) {
                stored[try row.decode(column: "receipt", as: String.self)] =
                    (try row.decode(column: "meeting_id", as: Int64.self), Int(try row.decode(column: "right_number", as: Int64.self)))
            }
            let lost = sent.filter { right, receipt in stored[receipt]?.right != right }.count
            let meetings = Set(sent.compactMap { stored[$0.1]?.meeting }).sorted()
            let sample = recount <= 0 || meetings.count <= recount ? meetings : stride(from: 0, to: meetings.count, by: meetings.count / recount).map { meetings[$0] }
            let store = AssemblyStore(database: db)
            var doubled = 0, broken = 0
            for meeting in sample {
                guard let export = try await store.export(meetingID: meeting) else { broken += 1; continue }
                if !Recount(export, hash: ChainHash.sha256).confirmsPublishedResult { broken += 1 }
                // Each motion counts every right that voted on it once, however many times it was submitted.
                for result in export.results {
                    let voters = Set(export.ballots.filter { $0.motionID == result.motionID }.map(\.rightID))
                    if result.count.participatingHeadcount != Int64(voters.count) { doubled += 1 }
                }
            }
            await db.shutdown()
            print("\(sent.count) acknowledged ballots in \(meetings.count) meetings: \(lost) lost; recounted \(sample.count) meetings: "
                  + "\(doubled) motions counting a right twice, \(broken) chains or results that do not recount")
            if lost > 0 || doubled > 0 || broken > 0 { throw ExitCode(1) }
        }
    }
}
