import WuyeCore

/// A remediation campaign (整治行动) over key compounds: what must be done (measures), by when
/// (deadline), and a re-check by the office of each compound's rectification. Qingdao's 2023
/// campaign: "230 key compounds, 195 rectified, 84.8%".
public struct CampaignPlan: Sendable, Equatable {
    public let name: String
    public let measures: String
    public let startsOn: CivilDate
    public let deadline: CivilDate
    public let compoundIDs: [Int64]

    public static let maximumCompounds = 1_000

    public init(name: String, measures: String, startsOn: CivilDate, deadline: String, compoundIDs: [Int64]) throws(DomainError) {
        let name = name.trimmedWhitespace, measures = measures.trimmedWhitespace
        guard (1...100).contains(name.count) else {
            throw DomainError(code: "invalid_name", message: "请填写整治行动名称（100 字以内）",
                              english: "a campaign has a name of at most 100 characters", field: "name")
        }
        guard (1...4_000).contains(measures.count) else {
            throw DomainError(code: "invalid_measures", message: "请写明整治措施（4000 字以内）",
                              english: "a campaign states its measures in at most 4,000 characters", field: "measures")
        }
        guard let deadline = CivilDate(text: deadline.trimmedWhitespace), deadline > startsOn else {
            throw DomainError(code: "invalid_deadline", message: "整改期限须是今天以后的日期（如 2026-12-31）",
                              english: "the deadline is a date after today, e.g. 2026-12-31", field: "deadline")
        }
        let compounds = Array(Set(compoundIDs)).sorted()
        guard (1...Self.maximumCompounds).contains(compounds.count) else {
            throw DomainError(code: "no_key_compounds", message: "整治行动须包含 1 到 \(Self.maximumCompounds) 个重点小区",
                              english: "a campaign covers 1 to \(Self.maximumCompounds) key compounds", field: "compounds")
        }
        self.name = name
        self.measures = measures
        self.startsOn = startsOn
        self.deadline = deadline
        self.compoundIDs = compounds
    }
}

/// Where one key compound stands in a campaign. The company reports what it did; the office
/// re-checks on site and either accepts it (rectified) or sends it back (pending again).
public enum RectificationState: String, CaseIterable, Codable, Sendable {
    case pending
    case awaitingRecheck = "awaiting_recheck"
    case rectified

    public var chineseName: String {
        switch self {
        case .pending: "待整改"
        case .awaitingRecheck: "待复查"
        case .rectified: "已整改"
        }
    }

    /// The company reports its rectification; again after a failed re-check.
    public func reported() throws(DomainError) -> RectificationState {
        guard self == .pending else { throw Self.wrongStep("report", self, message: "该小区已报送整改，等待复查") }
        return .awaitingRecheck
    }

    /// The office's re-check: passed → rectified; failed → back to pending.
    public func rechecked(passed: Bool) throws(DomainError) -> RectificationState {
        guard self == .awaitingRecheck else { throw Self.wrongStep("recheck", self, message: "只有已报送整改的小区才能复查") }
        return passed ? .rectified : .pending
    }

    private static func wrongStep(_ step: String, _ state: RectificationState, message: String) -> DomainError {
        DomainError(code: "invalid_rectification_step", message: message,
                    english: "cannot \(step) a compound that is \(state.rawValue)", field: "state")
    }
}

/// The rectification rate: rectified key compounds over all of the campaign's, "195 of 230, 84.8%".
public struct RectificationRate: Sendable, Equatable {
    public let rectified: Int
    public let total: Int

    public init(rectified: Int, total: Int) {
        self.rectified = rectified
        self.total = total
    }

    public init(states: [RectificationState]) {
        self.init(rectified: states.count { $0 == .rectified }, total: states.count)
    }

    public var permille: Int? { Permille.of(rectified, total) }

    /// "230 个重点小区已整改 195 个，整改率 84.8%"
    public var chineseText: String {
        "\(total) 个重点小区已整改 \(rectified) 个，整改率 \(Permille.text(permille))"
    }
}

/// What the company did, or what the re-check found: required, as the record of the step.
public enum RectificationNote {
    public static func checked(_ text: String) throws(DomainError) -> String {
        let note = text.trimmedWhitespace
        guard (1...1_000).contains(note.count) else {
            throw DomainError(code: "invalid_note", message: "请填写说明（1000 字以内）",
                              english: "a note of 1 to 1,000 characters is required", field: "note")
        }
        return note
    }
}
