import Foundation
import SQLKit

/// Applies the migrations a database lacks, each in its own transaction, in number order.
public struct Migrator: Sendable {
    public let database: WuyeDatabase

    static let all: [Migration] = [
        Migration001Registry.migration,
        Migration002Accounts.migration,
        Migration003RoleRevocationAndAppendOnlyAudit.migration,
        Migration004Assembly.migration,
        Migration005Cases.migration,
        Migration006Open311.migration,
        Migration007HotSpotsAndTeams.migration,
        Migration008Committees.migration,
        Migration009BallotRules.migration,
        Migration010BallotScans.migration,
        Migration011ServiceFees.migration,
        Migration012CommonFund.migration,
        Migration013Disclosures.migration,
        Migration014MaintenanceFund.migration,
        Migration015Evaluation.migration,
        Migration016FeeRatesByBuildingKind.migration,
        Migration017PartyBuilding.migration,
        Migration018CreditRecords.migration,
        Migration019ServiceIndex.migration,
        Migration020Coordination.migration,
    ]

    /// The numbers of every migration this build knows, in order.
    public static var numbers: [Int] { all.map(\.number) }

    public init(database: WuyeDatabase) {
        self.database = database
    }

    /// Returns the numbers it applied.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await database.write { sql in
            try await sql.raw("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """).run()
        }
        let applied = try await database.read { sql in
            try await sql.raw("SELECT number FROM schema_migrations").all().map {
                try $0.decode(column: "number", as: Int.self)
            }
        }
        var done: [Int] = []
        for migration in Self.all where !applied.contains(migration.number) {
            try await database.write { sql in
                for statement in migration.sql(for: database.dialect) {
                    try await sql.raw(SQLQueryString(statement)).run()
                }
                try await sql.raw("""
                    INSERT INTO schema_migrations (number, name, applied_at)
                    VALUES (\(bind: migration.number), \(bind: migration.name), \(bind: Self.timestamp()))
                    """).run()
            }
            done.append(migration.number)
        }
        return done
    }

    static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
