import WuyeCore

/// The numbers of an owners' committee's lifecycle, by jurisdiction (reference §2.2). Qingdao's
/// 物业管理条例 (2021) is the default; Shandong's 物业管理条例 (2021) applies where a district or city
/// chooses it. Each number carries its article, which the pages show beside the deadline.
public struct CommitteeRules: Sendable, Equatable {
    public enum Jurisdiction: String, CaseIterable, Codable, Sendable {
        case qingdao, shandong

        public var chineseName: String {
            switch self {
            case .qingdao: "《青岛市物业管理条例》"
            case .shandong: "《山东省物业管理条例》"
            }
        }
    }

    public let jurisdiction: Jurisdiction
    /// The preparatory group is set up within this many days of the report or application.
    public let groupWithinDays: Int
    /// The first assembly is held within this many days of the group's setting up…
    public let firstAssemblyWithinDays: Int
    /// …extendable by this many with the subdistrict's approval (0: no extension).
    public let firstAssemblyExtensionDays: Int
    /// The committee has at least this many members, an odd number.
    public let committeeMinimum: Int
    /// The committee's first meeting, electing its chair and vice-chair, within this many days of the election.
    public let firstCommitteeMeetingDays: Int
    /// Filing with the subdistrict within this many days of the election.
    public let filingWithinDays: Int
    /// Re-election is organised this many days before the term ends.
    public let reElectionNoticeDays: Int
    /// The longest term, in years.
    public let maximumTermYears: Int
    public let articles: [Step: String]

    public static let qingdao = CommitteeRules(
        jurisdiction: .qingdao, groupWithinDays: 30, firstAssemblyWithinDays: 60, firstAssemblyExtensionDays: 30,
        committeeMinimum: 3, firstCommitteeMeetingDays: 3, filingWithinDays: 30, reElectionNoticeDays: 60, maximumTermYears: 5,
        articles: [.report: "第二十一、二十二条", .formGroup: "第二十二、二十三条", .elect: "第二十四、三十五条", .firstMeeting: "第三十六条",
                   .file: "第三十七条", .recordSeal: "第三十七条", .recordCreditCode: "第二十六条", .recordBankAccount: "第二十六条",
                   .changeMembers: "第四十条", .reElect: "第四十一条", .supervisoryBoard: "（本市条例未规定，自愿设立）"])

    public static let shandong = CommitteeRules(
        jurisdiction: .shandong, groupWithinDays: 60, firstAssemblyWithinDays: 90, firstAssemblyExtensionDays: 0,
        committeeMinimum: 5, firstCommitteeMeetingDays: 7, filingWithinDays: 30, reElectionNoticeDays: 90, maximumTermYears: 5,
        articles: [.report: "第二十条", .formGroup: "第二十一条", .elect: "第二十二、三十条", .firstMeeting: "第三十条",
                   .file: "第三十一条", .recordSeal: "第三十一条", .recordCreditCode: "（省条例未规定）", .recordBankAccount: "（省条例未规定）",
                   .changeMembers: "第三十一条", .reElect: "第三十三条", .supervisoryBoard: "（省条例未规定，自愿设立）"])

    public static func of(_ jurisdiction: Jurisdiction) -> CommitteeRules {
        switch jurisdiction {
        case .qingdao: .qingdao
        case .shandong: .shandong
        }
    }

    /// "《青岛市物业管理条例》第三十七条"
    public func citation(_ step: Step) -> String { jurisdiction.chineseName + (articles[step] ?? "") }
}

/// What an owners' committee's record says when a compound first becomes due for its first
/// assembly (Qingdao Art. 21; Shandong Art. 20): delivered area ≥ 50 %, or delivered homes ≥ 50 %,
/// or two years since the first delivery with ≥ 25 % of homes delivered. Homes stand for owners
/// (the registry counts homes; a buyer of several is rare before delivery).
public struct DeliveryState: Sendable, Equatable {
    public let homes: Int
    public let deliveredHomes: Int
    public let area: Int64
    public let deliveredArea: Int64

    public init(homes: Int, deliveredHomes: Int, area: Int64, deliveredArea: Int64) {
        self.homes = homes
        self.deliveredHomes = deliveredHomes
        self.area = area
        self.deliveredArea = deliveredArea
    }

    /// Why the first assembly is due, or nil when it is not yet. `firstDelivered` is the day the
    /// first home was handed over, when known.
    public func eligibility(firstDelivered: CivilDate?, today: CivilDate) -> String? {
        guard homes > 0 else { return nil }
        if deliveredArea * 2 >= area { return "已交付面积达到 50%" }
        if deliveredHomes * 2 >= homes { return "已交付户数达到 50%" }
        if let first = firstDelivered, deliveredHomes * 4 >= homes,
           today >= (CivilDate(year: first.year + 2, month: first.month, day: first.day)
                     ?? CivilDate(daysSince1970: first.daysSince1970 + 730)) {  // 29 February: the day before
            return "首户交付满两年且已交付户数达到 25%"
        }
        return nil
    }
}
