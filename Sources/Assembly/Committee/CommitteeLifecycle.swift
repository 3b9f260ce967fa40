import WuyeCore

/// The steps of an owners' committee's life (reference §2.1), each taken by the subdistrict (or
/// community) office or by the committee itself.
public enum Step: String, CaseIterable, Codable, Sendable {
    /// The developer's report, or owners' application with ≥ 5 % of area or headcount, reaches the subdistrict.
    case report
    case formGroup = "form_group"
    /// The first (or a new) assembly elects the committee.
    case elect
    /// The committee's first meeting elects its chair and vice-chair.
    case firstMeeting = "first_meeting"
    case file
    case recordSeal = "record_seal"
    case recordCreditCode = "record_credit_code"
    case recordBankAccount = "record_bank_account"
    case changeMembers = "change_members"
    case reElect = "re_elect"
    case supervisoryBoard = "supervisory_board"

    public var chineseName: String {
        switch self {
        case .report: "开发建设单位报告或业主申请"
        case .formGroup: "成立首次业主大会筹备组"
        case .elect: "召开业主大会，选举业主委员会"
        case .firstMeeting: "业委会首次会议，选举主任、副主任"
        case .file: "向街道办事处备案"
        case .recordSeal: "刻制印章"
        case .recordCreditCode: "领取业主大会统一社会信用代码"
        case .recordBankAccount: "开立业主大会银行账户"
        case .changeMembers: "委员变更"
        case .reElect: "换届选举"
        case .supervisoryBoard: "设立业主监事会"
        }
    }

    /// Who records the step: the office for the steps it leads or certifies, the committee for its
    /// own accounts; member changes and the supervisory board by either.
    public var takenByOffice: Bool { self != .recordCreditCode && self != .recordBankAccount }
    public var takenByCommittee: Bool {
        [.firstMeeting, .recordCreditCode, .recordBankAccount, .changeMembers, .supervisoryBoard].contains(self)
    }
}

/// Where a compound's self-government stands.
public enum CommitteeStage: String, CaseIterable, Codable, Sendable {
    case notStarted = "not_started"
    case reported
    case preparatoryGroup = "preparatory_group"
    /// Elected; the first committee meeting and the filing are pending.
    case elected
    /// Filed with the subdistrict; the seal is pending.
    case filed
    case active

    public var chineseName: String {
        switch self {
        case .notStarted: "尚未启动"
        case .reported: "已报告，待成立筹备组"
        case .preparatoryGroup: "筹备组已成立，待召开首次业主大会"
        case .elected: "已选举，待备案"
        case .filed: "已备案，待刻章"
        case .active: "业主委员会履职中"
        }
    }
}

/// A compound's committee record as far as its deadlines go: the dates of the steps taken.
public struct CommitteeRecord: Sendable, Equatable {
    public var stage: CommitteeStage = .notStarted
    public var reportedOn: CivilDate?
    public var groupFormedOn: CivilDate?
    public var extensionApproved = false
    public var electedOn: CivilDate?
    public var firstMeetingOn: CivilDate?
    public var filedOn: CivilDate?
    public var termYears: Int?
    /// The committee's full size as elected, and how many still serve.
    public var fullSize: Int?
    public var serving: Int?

    public init() {}

    /// The next thing that must happen, by when and by whom, with its article. Nil when nothing is due.
    public struct Due: Sendable, Equatable {
        public let step: Step
        public let by: CivilDate?
        public let citation: String
    }

    public func due(_ rules: CommitteeRules) -> [Due] {
        func after(_ day: CivilDate?, _ days: Int) -> CivilDate? { day.map { CivilDate(daysSince1970: $0.daysSince1970 + days) } }
        func due(_ step: Step, _ by: CivilDate?) -> Due { Due(step: step, by: by, citation: rules.citation(step)) }
        switch stage {
        case .notStarted: return [due(.report, nil)]
        case .reported: return [due(.formGroup, after(reportedOn, rules.groupWithinDays))]
        case .preparatoryGroup:
            return [due(.elect, after(groupFormedOn, rules.firstAssemblyWithinDays + (extensionApproved ? rules.firstAssemblyExtensionDays : 0)))]
        case .elected:
            var list: [Due] = []
            if firstMeetingOn == nil { list.append(due(.firstMeeting, after(electedOn, rules.firstCommitteeMeetingDays))) }
            list.append(due(.file, after(electedOn, rules.filingWithinDays)))
            return list
        case .filed: return [due(.recordSeal, nil)]
        case .active:
            guard let end = termEnds else { return [] }
            var list = [due(.reElect, CivilDate(daysSince1970: end.daysSince1970 - rules.reElectionNoticeDays))]
            if reElectionRequired { list.insert(due(.reElect, nil), at: 0) }
            return list
        }
    }

    /// The day the term ends: the election day plus the term.
    public var termEnds: CivilDate? {
        guard let elected = electedOn, let years = termYears else { return nil }
        return CivilDate(year: elected.year + years, month: elected.month, day: elected.day)
            ?? CivilDate(daysSince1970: elected.daysSince1970 + 365 * years)
    }

    /// Fewer than half of the full committee still serve: a new election is required (Qingdao Art. 41).
    public var reElectionRequired: Bool {
        guard let full = fullSize, let serving else { return false }
        return serving * 2 < full
    }

    /// Is the step the one this stage takes next (or one that may be taken in it)?
    public func allows(_ step: Step) -> Bool {
        switch step {
        case .report: stage == .notStarted
        case .formGroup: stage == .reported
        case .elect: stage == .preparatoryGroup
        case .firstMeeting: stage == .elected && firstMeetingOn == nil
        // The committee files once it has its chair (Qingdao Art. 36–37).
        case .file: stage == .elected && firstMeetingOn != nil
        case .recordSeal: stage == .filed
        case .recordCreditCode, .recordBankAccount, .changeMembers, .supervisoryBoard: stage == .filed || stage == .active
        case .reElect: stage == .active
        }
    }

    /// The stage after a step is taken.
    public func stage(after step: Step) -> CommitteeStage {
        switch step {
        case .report: .reported
        case .formGroup: .preparatoryGroup
        case .elect, .reElect: .elected
        case .file: .filed
        case .recordSeal: .active
        case .firstMeeting, .recordCreditCode, .recordBankAccount, .changeMembers, .supervisoryBoard: stage
        }
    }
}
