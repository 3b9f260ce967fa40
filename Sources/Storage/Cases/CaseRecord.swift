import Access
import Cases
import Foundation
import Registry
import SQLKit
import WuyeCore

/// A case as pages and the API show it. Contact details of hotline callers are masked.
public struct CaseRecord: Codable, Sendable, Equatable {
    public let id: Int64
    public let compoundID: Int64
    public let compoundName: String
    public let buildingID: Int64?
    public let homeID: Int64?
    /// Where in the compound: "3-2-301", "3号楼公共部位" or "小区公共区域".
    public let placeLabel: String
    public let gridID: Int64?
    public let companyID: Int64?
    public let communityCode: String
    public let kind: CaseKind
    public let source: CaseSource
    public let urgent: Bool
    public let description: String
    public let department: Department
    public let state: CaseState
    public let level: CaseLevel
    public let reporterAccountID: Int64?
    /// The reporter as staff see them: an account's or caller's name, masked.
    public let reporter: String
    public let contactPhone: String?
    public let reportedAt: Date
    public let updatedAt: Date
    public let dueAt: Date
    public let acknowledgeBy: Date?
    public let acknowledged: Bool
    public let escalations: Int
    public let photoCount: Int
    public let closedAt: Date?
    public let closedOnTime: Bool?
    public let rating: Int?
    public let ratingComment: String?

    public var site: CaseSite {
        CaseSite(community: DivisionCode(rawValue: communityCode)!, compoundID: compoundID, gridID: gridID, companyID: companyID,
                 department: department, level: level, reporterAccountID: reporterAccountID)
    }

    public func isOverdue(at now: Date) -> Bool {
        !state.isFinished && state != .suspended && (now >= dueAt || (!acknowledged && acknowledgeBy.map { now >= $0 } ?? false))
    }

    static let columns = """
        c.id, c.compound_id, p.name AS compound_name, c.building_id, c.home_id, b.number AS building_number,
        u.number AS unit_number, h.number AS home_number, c.grid_id, c.company_id, c.community_code, c.kind, c.source,
        c.urgent, c.description, c.department, c.state, c.level, c.reporter_account_id, a.name AS account_name,
        c.contact_name, c.contact_phone, c.reported_at, c.updated_at, c.due_at, c.acknowledge_by, c.acknowledged,
        c.escalations, c.photo_count, c.closed_at, c.closed_on_time, c.rating, c.rating_comment
        """
    static let joins = """
        cases c JOIN compounds p ON p.id = c.compound_id LEFT JOIN buildings b ON b.id = c.building_id
        LEFT JOIN homes h ON h.id = c.home_id LEFT JOIN units u ON u.id = h.unit_id
        LEFT JOIN accounts a ON a.id = c.reporter_account_id
        """

    init(row: any SQLRow) throws {
        func date(_ column: String) throws -> Date { Date(timeIntervalSince1970: Double(try row.decode(column: column, as: Int64.self))) }
        func optionalDate(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map { Date(timeIntervalSince1970: Double($0)) }
        }
        id = try row.decode(column: "id", as: Int64.self)
        compoundID = try row.decode(column: "compound_id", as: Int64.self)
        compoundName = try row.decode(column: "compound_name", as: String.self)
        buildingID = try row.decode(column: "building_id", as: Int64?.self)
        homeID = try row.decode(column: "home_id", as: Int64?.self)
        let building = try row.decode(column: "building_number", as: String?.self)
        if let home = try row.decode(column: "home_number", as: String?.self), let building {
            let unit = try row.decode(column: "unit_number", as: String?.self) ?? ""
            placeLabel = BuildingLabel.address(building: building, unit: unit, home: home)
        } else if let building {
            placeLabel = BuildingLabel.building(building) + "公共部位"
        } else {
            placeLabel = "小区公共区域"
        }
        gridID = try row.decode(column: "grid_id", as: Int64?.self)
        companyID = try row.decode(column: "company_id", as: Int64?.self)
        communityCode = try row.decode(column: "community_code", as: String.self)
        kind = try row.known("kind", as: CaseKind.self)
        source = try row.known("source", as: CaseSource.self)
        urgent = try row.decode(column: "urgent", as: Bool.self)
        description = try row.decode(column: "description", as: String.self)
        department = try row.known("department", as: Department.self)
        state = try row.known("state", as: CaseState.self)
        level = try row.known("level", as: CaseLevel.self)
        reporterAccountID = try row.decode(column: "reporter_account_id", as: Int64?.self)
        let name = try row.decode(column: "account_name", as: String?.self) ?? row.decode(column: "contact_name", as: String?.self)
        reporter = name.map(Masking.name) ?? "—"
        contactPhone = try row.decode(column: "contact_phone", as: String?.self).map { PhoneNumber(rawValue: $0)?.masked ?? "***" }
        reportedAt = try date("reported_at")
        updatedAt = try date("updated_at")
        dueAt = try date("due_at")
        acknowledgeBy = try optionalDate("acknowledge_by")
        acknowledged = try row.decode(column: "acknowledged", as: Bool.self)
        escalations = Int(try row.decode(column: "escalations", as: Int64.self))
        photoCount = Int(try row.decode(column: "photo_count", as: Int64.self))
        closedAt = try optionalDate("closed_at")
        closedOnTime = try row.decode(column: "closed_on_time", as: Bool?.self)
        rating = try row.decode(column: "rating", as: Int64?.self).map(Int.init)
        ratingComment = try row.decode(column: "rating_comment", as: String?.self)
    }
}

/// One step of a case's timeline, as its reporter and handlers see it.
public struct CaseTimelineEntry: Codable, Sendable, Equatable {
    public let seq: Int64
    public let at: Date
    /// A workflow event (`accept`, `close`, …) or `report`, `escalate`, `acknowledge`, `rate`, `photo`.
    public let event: String
    public let fromState: CaseState?
    public let toState: CaseState?
    public let level: CaseLevel
    public let capacity: CaseCapacity?
    public let actor: String
    public let note: String
}

extension SQLRow {
    /// A stored enumeration's value; a clear error when the database holds one the code does not know.
    func known<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T where T.RawValue == String {
        let raw = try decode(column: column, as: String.self)
        guard let value = T(rawValue: raw) else { throw CaseStoreCorrupt(column: column, value: raw) }
        return value
    }
}

/// A stored value the code does not know: the database was written by something else.
struct CaseStoreCorrupt: Error, CustomStringConvertible {
    let column: String
    let value: String
    var description: String { "cases.\(column) holds an unknown value \(value)" }
}
