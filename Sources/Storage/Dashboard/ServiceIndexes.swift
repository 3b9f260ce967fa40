import Evaluation
import Foundation
import SQLKit
import WuyeCore

/// The quarterly index of each district under a city, computed from the dashboard's figures as they
/// stand when the city publishes it (cases over the last 90 days), then kept as published.
public struct ServiceIndexes: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    public struct Row: Sendable, Equatable {
        public let district: String
        public let name: String
        public let quarter: String
        public let value: Int
        public let components: [ServiceIndex.Component]
    }

    static func components(_ f: DashboardFigures) -> [ServiceIndex.Component] {
        ServiceIndex.components(service: f.serviceCoverage, onTime: f.onTimeRate, complaintsPer100Homes: f.complaintsPer100Homes,
                                collection: f.collectionRate, committees: f.committeeRate, disclosure: f.disclosureCoverage, party: f.partyCoverage)
    }

    /// The index each district would get if published now.
    public func preview(city: DivisionCode) async throws -> [Row] {
        let quarter = ServiceIndex.quarter(of: CivilDate.inChina(clock.now()))
        return try await Dashboard(database: database, clock: clock).figures(in: city).children.map { district in
            let parts = Self.components(district)
            return Row(district: district.key, name: district.name, quarter: quarter, value: ServiceIndex.value(parts), components: parts)
        }
    }

    /// Publishes this quarter's index for every district of the city, once.
    public func publish(city: DivisionCode, by actor: AuditActor) async throws -> [Row] {
        let rows = try await preview(city: city)
        let now = clock.now()
        let encoder = JSONEncoder()
        try await database.write { sql in
            guard let quarter = rows.first?.quarter else { return }
            guard try await sql.raw("""
                SELECT 1 FROM service_index WHERE quarter = \(bind: quarter) AND district_code IN (\(binds: rows.map(\.district)))
                """).first() == nil else {
                throw DomainError(code: "already_published", message: "\(quarter) 的行业指数已经发布", english: "this quarter's index is published", field: "quarter")
            }
            try await BulkInsert.insert(sql, into: "service_index", columns: ["district_code", "quarter", "value_centi", "components", "published_by_label", "published_at"],
                                        rows: try rows.map { row in
                [.text(row.district), .text(row.quarter), .int(Int64(row.value)), .text(String(decoding: try encoder.encode(row.components), as: UTF8.self)),
                 .text(actor.label), .int(Int64(now.timeIntervalSince1970))]
            })
            try await AuditLog.append(AuditChange(action: "service_index.publish", targetType: "division", targetID: city.rawValue,
                                                  after: ["quarter": quarter, "districts": String(rows.count)]), by: actor, at: now, sql: sql)
        }
        return rows
    }

    /// Published indexes of the city's districts, newest quarter first.
    public func published(city: DivisionCode) async throws -> [Row] {
        try await database.readAllowingLag { sql in
            try await sql.raw("""
                SELECT s.*, d.name FROM service_index s JOIN divisions d ON d.code = s.district_code
                WHERE d.parent_code = \(bind: city.rawValue) ORDER BY s.quarter DESC, s.value_centi DESC LIMIT 400
                """).all().map { row in
                Row(district: try row.decode(column: "district_code", as: String.self), name: try row.decode(column: "name", as: String.self),
                    quarter: try row.decode(column: "quarter", as: String.self), value: Int(try row.decode(column: "value_centi", as: Int64.self)),
                    components: (try? JSONDecoder().decode([ServiceIndex.Component].self, from: Data(try row.decode(column: "components", as: String.self).utf8))) ?? [])
            }
        }
    }
}
