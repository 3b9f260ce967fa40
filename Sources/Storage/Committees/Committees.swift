import Access
import Assembly
import Foundation
import SQLKit
import WuyeCore

/// Each compound's owners' committee through its life: the subdistrict records the report, sets up
/// the preparatory group, records the election and the filing and the seal; the committee records
/// its first meeting, its credit code and bank account; either changes members. Each step is
/// checked against the stage and the jurisdiction's rules, kept with its note and documents, and
/// audited.
public struct Committees: Sendable {
    public let database: WuyeDatabase
    public let clock: any WuyeClock

    public init(database: WuyeDatabase, clock: any WuyeClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// A compound's committee as its page shows it.
    public struct Committee: Sendable, Equatable {
        public let compoundID: Int64
        public let rules: CommitteeRules
        public let record: CommitteeRecord
        public let filingNumber: String?
        public let sealNumber: String?
        public let creditCode: String?
        public let bankName: String?
        /// The account number, masked but for its last four digits.
        public let bankAccount: String?
    }

    public var today: CivilDate { CivilDate.inChina(clock.now()) }

    // MARK: reading

    public func committee(compound: Int64) async throws -> Committee {
        try await database.read { sql in try await Self.committee(compound, sql: sql) }
    }

    static func committee(_ compound: Int64, sql: any SQLDatabase) async throws -> Committee {
        guard let row = try await sql.raw("SELECT * FROM committees WHERE compound_id = \(bind: compound)").first() else {
            return notStarted(compound, rules: try await rules(forCompound: compound, sql: sql))
        }
        return try committee(row, serving: try await serving([compound], sql: sql)[compound] ?? 0)
    }

    static func notStarted(_ compound: Int64, rules: CommitteeRules) -> Committee {
        Committee(compoundID: compound, rules: rules, record: CommitteeRecord(), filingNumber: nil, sealNumber: nil, creditCode: nil,
                  bankName: nil, bankAccount: nil)
    }

    /// A committee from its row; `serving` is how many committee members still serve.
    static func committee(_ row: any SQLRow, serving: Int) throws -> Committee {
        func day(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap(CivilDate.init(text:)) }
        var record = CommitteeRecord()
        record.stage = try row.known("stage", as: CommitteeStage.self)
        record.reportedOn = try day("reported_on")
        record.groupFormedOn = try day("group_formed_on")
        record.extensionApproved = try row.decode(column: "extension_approved", as: Bool.self)
        record.electedOn = try day("elected_on")
        record.firstMeetingOn = try day("first_meeting_on")
        record.filedOn = try day("filed_on")
        record.termYears = try row.decode(column: "term_years", as: Int64?.self).map(Int.init)
        record.fullSize = try row.decode(column: "full_size", as: Int64?.self).map(Int.init)
        if record.fullSize != nil { record.serving = serving }
        return Committee(compoundID: try row.decode(column: "compound_id", as: Int64.self),
                         rules: .of(try row.known("rules", as: CommitteeRules.Jurisdiction.self)), record: record,
                         filingNumber: try row.decode(column: "filing_number", as: String?.self),
                         sealNumber: try row.decode(column: "seal_number", as: String?.self),
                         creditCode: try row.decode(column: "credit_code", as: String?.self),
                         bankName: try row.decode(column: "bank_name", as: String?.self),
                         bankAccount: try row.decode(column: "bank_account", as: String?.self).map(Self.maskedAccount))
    }

    /// Committee members still serving, by compound.
    static func serving(_ compounds: [Int64], sql: any SQLDatabase) async throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try await sql.raw("""
            SELECT compound_id, CAST(COUNT(*) AS BIGINT) AS n FROM committee_members
            WHERE compound_id IN (\(binds: compounds)) AND body = 'committee' AND left_on IS NULL GROUP BY compound_id
            """).all() {
            counts[try row.decode(column: "compound_id", as: Int64.self)] = Int(try row.decode(column: "n", as: Int64.self))
        }
        return counts
    }

    /// "6222 **** **** 1234" → "****1234"
    static func maskedAccount(_ number: String) -> String { "****" + String(number.filter(\.isNumber).suffix(4)) }

    /// The rules the compound's district, else its city, chose; Qingdao's when neither did.
    static func rules(forCompound compound: Int64, sql: any SQLDatabase) async throws -> CommitteeRules {
        guard let community = try await sql.raw("SELECT community_code FROM compounds WHERE id = \(bind: compound)").first()
            .flatMap({ DivisionCode(rawValue: try $0.decode(column: "community_code", as: String.self)) }),
              let district = community.parent?.parent else {
            throw DomainError(code: "no_such_compound", message: "没有这个小区", english: "no such compound", field: "compound")
        }
        return try await rules(forDistrict: district, sql: sql)
    }

    static func rules(forDistrict district: DivisionCode, sql: any SQLDatabase) async throws -> CommitteeRules {
        let chosen = try await sql.raw("""
            SELECT division_code, rules FROM committee_rule_settings WHERE division_code IN (\(binds: [district.rawValue, district.parent?.rawValue ?? ""]))
            """).all().map { (code: try $0.decode(column: "division_code", as: String.self), rules: try $0.known("rules", as: CommitteeRules.Jurisdiction.self)) }
        return .of((chosen.first { $0.code == district.rawValue } ?? chosen.first)?.rules ?? .qingdao)
    }

    /// The compound's homes and area, delivered and all, for the eligibility check.
    public func delivery(compound: Int64) async throws -> DeliveryState {
        try await database.read { sql in try await Self.deliveries([compound], sql: sql)[compound] }
            ?? DeliveryState(homes: 0, deliveredHomes: 0, area: 0, deliveredArea: 0)
    }

    /// Homes and area, delivered and all, by compound.
    static func deliveries(_ compounds: [Int64], sql: any SQLDatabase) async throws -> [Int64: DeliveryState] {
        var delivery: [Int64: DeliveryState] = [:]
        for row in try await sql.raw("""
            SELECT compound_id, CAST(COUNT(*) AS BIGINT) AS homes, CAST(SUM(area_centi) AS BIGINT) AS area,
                   CAST(SUM(CASE WHEN delivered THEN 1 ELSE 0 END) AS BIGINT) AS delivered_homes,
                   CAST(SUM(CASE WHEN delivered THEN area_centi ELSE 0 END) AS BIGINT) AS delivered_area
            FROM homes WHERE compound_id IN (\(binds: compounds)) GROUP BY compound_id
            """).all() {
            delivery[try row.decode(column: "compound_id", as: Int64.self)] = DeliveryState(
                homes: Int(try row.decode(column: "homes", as: Int64.self)),
                deliveredHomes: Int(try row.decode(column: "delivered_homes", as: Int64.self)),
                area: try row.decode(column: "area", as: Int64.self), deliveredArea: try row.decode(column: "delivered_area", as: Int64.self))
        }
        return delivery
    }

    public struct Member: Sendable, Equatable {
        public let id: Int64
        public let body: Body
        public let member: CommitteeMember
        public let joinedOn: String
    }

    public enum Body: String, CaseIterable, Sendable {
        case preparatoryGroup = "preparatory_group"
        case committee
        case supervisoryBoard = "supervisory_board"

        public var chineseName: String {
            switch self {
            case .preparatoryGroup: "筹备组"
            case .committee: "业主委员会"
            case .supervisoryBoard: "业主监事会"
            }
        }
    }

    /// The people serving now, by body.
    public func members(compound: Int64) async throws -> [Member] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT * FROM committee_members WHERE compound_id = \(bind: compound) AND left_on IS NULL ORDER BY body, id
                """).all().map { row in
                Member(id: try row.decode(column: "id", as: Int64.self), body: try row.known("body", as: Body.self),
                       member: try CommitteeMember(name: try row.decode(column: "name", as: String.self),
                                                   isOwner: try row.decode(column: "is_owner", as: Bool.self),
                                                   fromSubdistrict: try row.decode(column: "from_subdistrict", as: Bool.self),
                                                   role: try row.known("role", as: CommitteeMember.Role.self), line: 1),
                       joinedOn: try row.decode(column: "joined_on", as: String.self))
            }
        }
    }

    public struct TakenStep: Sendable, Equatable {
        public let step: Step
        public let takenOn: String
        public let note: String
        public let actor: String
    }

    public func steps(compound: Int64) async throws -> [TakenStep] {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM committee_steps WHERE compound_id = \(bind: compound) ORDER BY id").all().map { row in
                TakenStep(step: try row.known("step", as: Step.self), takenOn: try row.decode(column: "taken_on", as: String.self),
                          note: try row.decode(column: "note", as: String.self),
                          actor: AuditActor.shown(try row.decode(column: "actor_label", as: String.self)))
            }
        }
    }
}
