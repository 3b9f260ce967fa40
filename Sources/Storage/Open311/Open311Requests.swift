import Access
import Cases
import Foundation
import SQLKit
import WuyeCore

/// Cases as Open311 GeoReport v2 requests (reference §6.4): where a posted request lies in the
/// registry, and the requests a client may read with GeoReport's filters.
public struct Open311Requests: Sendable {
    public let database: WuyeDatabase
    /// How far from a compound's point a request's `lat`/`long` may lie and still be in it.
    public static let reachMetres = 1_000.0
    /// GeoReport's limits: at most 90 days per query, at most 1,000 requests per answer.
    public static let maxSpan: TimeInterval = 90 * 86_400
    public static let maxResults = 1_000

    public init(database: WuyeDatabase) {
        self.database = database
    }

    /// A request's location as the client gave it: any of the three.
    public struct Location: Sendable {
        public var addressID: String?
        public var addressString: String?
        public var point: GeoPoint?

        public init(addressID: String? = nil, addressString: String? = nil, point: GeoPoint? = nil) {
            self.addressID = addressID
            self.addressString = addressString
            self.point = point
        }
    }

    /// The compound a request lies in, inside the key's division: by `address_id` (the compound's
    /// id), else the nearest compound within 1 km of the point, else the compound whose name the
    /// `address_string` contains (the longest such name, if only one compound bears it).
    public func compound(for location: Location, key: Open311Keys.Key, jurisdiction: DivisionCode? = nil) async throws -> Int64 {
        try await database.read { sql in
            func covered(_ row: any SQLRow) throws -> Bool {
                guard let code = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self)) else { return false }
                return key.covers(code) && (jurisdiction?.contains(code) ?? true)
            }
            if let raw = location.addressID?.trimmedWhitespace, !raw.isEmpty {
                guard let id = Int64(raw), let row = try await sql.raw("""
                    SELECT id, community_code FROM compounds WHERE id = \(bind: id)
                    """).first(), try covered(row) else {
                    throw DomainError(code: "no_such_address", message: "没有这个地址编号的小区", english: "address_id names no compound this key may report in",
                                      field: "address_id")
                }
                return id
            }
            if let point = location.point {
                let box = point.boundingBox(metres: Self.reachMetres)
                let nearest = try await sql.raw("""
                    SELECT id, community_code, latitude_e6, longitude_e6 FROM compounds
                    WHERE latitude_e6 BETWEEN \(bind: box.latitudes.lowerBound) AND \(bind: box.latitudes.upperBound)
                      AND longitude_e6 BETWEEN \(bind: box.longitudes.lowerBound) AND \(bind: box.longitudes.upperBound)
                    """).all().filter(covered).map { row in
                    (id: try row.decode(column: "id", as: Int64.self),
                     metres: point.metres(to: GeoPoint(latitudeE6: try row.decode(column: "latitude_e6", as: Int64.self),
                                                       longitudeE6: try row.decode(column: "longitude_e6", as: Int64.self))))
                }.filter { $0.metres <= Self.reachMetres }.min { ($0.metres, $0.id) < ($1.metres, $1.id) }
                if let nearest { return nearest.id }
                if location.addressString == nil {
                    throw DomainError(code: "no_compound_near", message: "该位置 1 公里内没有登记的小区，请提供 address_id 或 address_string",
                                      english: "no registered compound within 1 km of lat/long; send address_id or address_string", field: "lat")
                }
            }
            if let text = location.addressString?.trimmedWhitespace, !text.isEmpty {
                // The compounds whose name appears in the text; the longest name wins, if one compound has it.
                let named = try await sql.raw("""
                    SELECT id, name, community_code FROM compounds WHERE \(bind: text) LIKE '%' || name || '%'
                    """).all().filter(covered).map { (id: try $0.decode(column: "id", as: Int64.self), length: try $0.decode(column: "name", as: String.self).count) }
                let longest = named.map(\.length).max()
                let best = named.filter { $0.length == longest }
                guard best.count == 1 else {
                    throw DomainError(code: best.isEmpty ? "no_such_address" : "ambiguous_address",
                                      message: best.isEmpty ? "地址中没有可识别的小区名称" : "地址对应多个同名小区，请提供 address_id",
                                      english: best.isEmpty ? "address_string names no compound this key may report in"
                                          : "address_string fits several compounds; send address_id", field: "address_string")
                }
                return best[0].id
            }
            throw DomainError(code: "location_required", message: "请提供位置：lat 和 long、address_string 或 address_id",
                              english: "a request needs lat and long, address_string or address_id", field: "lat")
        }
    }

    /// GeoReport's filters. `ids` overrides the others.
    public struct Filter: Sendable {
        public var ids: [Int64]?
        public var kinds: [CaseKind] = []
        /// "open", "closed"; empty for both.
        public var statuses: Set<String> = []
        public var start: Date
        public var end: Date
        /// Without a key a client reads only requests posted through Open311; with one, every case in its division.
        public var key: Open311Keys.Key?
        /// The `jurisdiction_id` asked for, if any.
        public var jurisdiction: DivisionCode?

        public init(ids: [Int64]? = nil, kinds: [CaseKind] = [], statuses: Set<String> = [], start: Date, end: Date,
                    key: Open311Keys.Key? = nil, jurisdiction: DivisionCode? = nil) {
            self.ids = ids
            self.kinds = kinds
            self.statuses = statuses
            self.start = start
            self.end = end
            self.key = key
            self.jurisdiction = jurisdiction
        }
    }

    /// The requests the filter selects, newest first, at most 1,000.
    public func requests(_ filter: Filter) async throws -> [Open311Request] {
        var conditions: [SQLQueryString] = []
        if let ids = filter.ids {
            conditions.append(ids.isEmpty ? "1 = 0" : "c.id IN (\(binds: ids))")
        } else {
            conditions.append("c.reported_at BETWEEN \(bind: Int64(filter.start.timeIntervalSince1970)) AND \(bind: Int64(filter.end.timeIntervalSince1970))")
            if !filter.kinds.isEmpty { conditions.append("c.kind IN (\(binds: filter.kinds.map(\.rawValue)))") }
            if filter.statuses == ["open"] { conditions.append("c.state NOT IN ('closed', 'rejected')") }
            if filter.statuses == ["closed"] { conditions.append("c.state IN ('closed', 'rejected')") }
        }
        if let key = filter.key {
            if let division = key.division { conditions.append("c.community_code LIKE \(bind: division.sharedPrefix + "%")") }
        } else {
            conditions.append("c.source = 'open311'")
        }
        if let jurisdiction = filter.jurisdiction { conditions.append("c.community_code LIKE \(bind: jurisdiction.sharedPrefix + "%")") }
        let condition = conditions.joined(separator: " AND ")
        return try await database.read { sql in
            try await sql.raw("""
                SELECT \(unsafeRaw: CaseRecord.columns), c.media_url, c.latitude_e6 AS case_latitude, c.longitude_e6 AS case_longitude,
                       p.latitude_e6 AS compound_latitude, p.longitude_e6 AS compound_longitude, pc.name AS company_name
                FROM \(unsafeRaw: CaseRecord.joins) LEFT JOIN property_companies pc ON pc.id = c.company_id
                WHERE \(condition) ORDER BY c.reported_at DESC, c.id DESC LIMIT \(unsafeRaw: String(Self.maxResults))
                """).all().map(Open311Request.init(row:))
        }
    }
}

/// One case as a GeoReport request.
public struct Open311Request: Sendable {
    public let record: CaseRecord
    public let mediaURL: String?
    /// The client's point, else the compound's.
    public let point: GeoPoint?
    /// Who has the case now: the serving company, the grid, the subdistrict or the district department.
    public let agency: String

    init(row: any SQLRow) throws {
        record = try CaseRecord(row: row)
        mediaURL = try row.decode(column: "media_url", as: String?.self)
        func located(_ prefix: String) throws -> GeoPoint? {
            guard let latitude = try row.decode(column: prefix + "_latitude", as: Int64?.self),
                  let longitude = try row.decode(column: prefix + "_longitude", as: Int64?.self) else { return nil }
            return GeoPoint(latitudeE6: latitude, longitudeE6: longitude)
        }
        point = try located("case") ?? located("compound")
        let company = try row.decode(column: "company_name", as: String?.self)
        agency = switch record.level {
        case .company: company ?? record.level.chineseName
        case .department: record.department.chineseName
        case .grid, .subdistrict: record.level.chineseName
        }
    }
}
