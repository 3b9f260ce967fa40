import Foundation
import WuyeCore

/// One place's figures on the city dashboard (一图总览): a division or a compound, added up from the
/// records of its compounds. Rates are computed from their parts so a parent's rate is never an
/// average of its children's.
public struct DashboardFigures: Sendable, Equatable {
    public var key: String
    public var name: String
    public var compounds: Int64 = 0
    public var homes: Int64 = 0
    public var areaCenti: Int64 = 0
    /// Compounds a property company serves under contract today (professional service coverage).
    public var served: Int64 = 0
    /// Compounds whose owners' committee has been elected (elected, filed or active).
    public var committees: Int64 = 0
    public var openCases: Int64 = 0
    public var overdueCases: Int64 = 0
    /// Cases closed in the last 90 days, and of them those closed by their deadline.
    public var closedCases: Int64 = 0
    public var closedOnTime: Int64 = 0
    /// Complaints reported in the last 90 days (not rejected).
    public var complaints: Int64 = 0
    /// Compounds in a remediation campaign not yet rectified.
    public var keyCompounds: Int64 = 0
    /// The current month's service fees.
    public var billedFen: Int64 = 0
    public var collectedFen: Int64 = 0
    /// Served compounds whose company 三公开 items are all current.
    public var disclosureComplete: Int64 = 0
    /// Owners' meetings closed this year.
    public var meetingsHeld: Int64 = 0
    public var commonFundFen: Int64 = 0
    public var maintenanceFundFen: Int64 = 0
    /// Served compounds whose company has a party organisation, and formed committees with one.
    public var partyServed: Int64 = 0
    public var partyCommittees: Int64 = 0
    /// The latest published evaluation's bands: label → compounds.
    public var grades: [String: Int64] = [:]

    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }

    public var serviceCoverage: Int? { Permille.of(Int(served), Int(compounds)) }
    public var committeeRate: Int? { Permille.of(Int(committees), Int(compounds)) }
    public var onTimeRate: Int? { Permille.of(Int(closedOnTime), Int(closedCases)) }
    /// Complaints per 100 homes, in hundredths, half up.
    public var complaintsPer100Homes: Int? { homes > 0 ? Int((complaints * 20_000 + homes) / (2 * homes)) : nil }
    public var collectionRate: Int? { billedFen > 0 ? Int((collectedFen * 2000 + billedFen) / (2 * billedFen)) : nil }
    public var disclosureCoverage: Int? { Permille.of(Int(disclosureComplete), Int(served)) }
    public var partyCoverage: Int? { Permille.of(Int(partyServed), Int(served)) }

    /// Adds a child's figures into this one.
    public mutating func add(_ other: DashboardFigures) {
        compounds += other.compounds; homes += other.homes; areaCenti += other.areaCenti; served += other.served
        committees += other.committees; openCases += other.openCases; overdueCases += other.overdueCases
        closedCases += other.closedCases; closedOnTime += other.closedOnTime; complaints += other.complaints
        keyCompounds += other.keyCompounds; billedFen += other.billedFen; collectedFen += other.collectedFen
        disclosureComplete += other.disclosureComplete; meetingsHeld += other.meetingsHeld
        commonFundFen += other.commonFundFen; maintenanceFundFen += other.maintenanceFundFen
        partyServed += other.partyServed; partyCommittees += other.partyCommittees
        grades.merge(other.grades, uniquingKeysWith: +)
    }

    /// The indicators a map can be coloured by, with how each reads and whether more is better.
    public enum Indicator: String, CaseIterable, Sendable {
        case serviceCoverage = "service", committeeRate = "committees", onTimeRate = "on_time", complaints
        case collectionRate = "collection", disclosureCoverage = "disclosure", partyCoverage = "party"

        public var chineseName: String {
            switch self {
            case .serviceCoverage: "专业化物业服务覆盖率"
            case .committeeRate: "业委会组建率"
            case .onTimeRate: "案件按时办结率"
            case .complaints: "每百户投诉量"
            case .collectionRate: "物业费收缴率"
            case .disclosureCoverage: "三公开覆盖率"
            case .partyCoverage: "物业企业党组织覆盖率"
            }
        }

        public var higherIsBetter: Bool { self != .complaints }

        public func value(_ figures: DashboardFigures) -> Int? {
            switch self {
            case .serviceCoverage: figures.serviceCoverage
            case .committeeRate: figures.committeeRate
            case .onTimeRate: figures.onTimeRate
            case .complaints: figures.complaintsPer100Homes
            case .collectionRate: figures.collectionRate
            case .disclosureCoverage: figures.disclosureCoverage
            case .partyCoverage: figures.partyCoverage
            }
        }

        public func text(_ value: Int?) -> String {
            guard let value else { return "—" }
            return self == .complaints ? Hundredths.text(Int64(value)) : Permille.text(value)
        }
    }
}
