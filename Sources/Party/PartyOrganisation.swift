import WuyeCore

/// The party organisations Jinan Lixia's model builds into property management (党建引领): a branch
/// in each property company, in each grid, and a party organisation (or working group) in each
/// owners' committee. Coverage is counted against what exists: companies serving the division,
/// grids, committees formed.
public enum PartyOrganisationKind: String, CaseIterable, Codable, Sendable {
    case companyBranch = "company_branch"
    case gridBranch = "grid_branch"
    case committeeBranch = "committee_branch"

    public var chineseName: String {
        switch self {
        case .companyBranch: "物业服务企业党组织"
        case .gridBranch: "网格党支部"
        case .committeeBranch: "业委会党组织（党的工作小组）"
        }
    }
}

/// What an office records about an organisation. Members are kept as a count: party membership is
/// about a person's politics, so the platform keeps no list of names it does not need (PIPL Art. 6, 28).
public struct PartyOrganisationDraft: Sendable, Equatable {
    public let kind: PartyOrganisationKind
    public let name: String
    public let members: Int
    public let secretary: String
    public let establishedOn: CivilDate

    public init(kind: PartyOrganisationKind, name raw: String, members text: String, secretary rawSecretary: String, establishedOn day: String,
                today: CivilDate) throws(DomainError) {
        self.kind = kind
        name = raw.trimmedWhitespace
        guard (2...60).contains(name.count) else {
            throw DomainError(code: "name_required", message: "请填写党组织名称（2–60 字）", english: "a name of 2 to 60 characters", field: "name")
        }
        guard let count = Int(text.trimmedWhitespace), (1...10_000).contains(count) else {
            throw DomainError(code: "invalid_members", message: "请填写党员人数（1 人以上）", english: "the number of members", field: "members")
        }
        members = count
        secretary = rawSecretary.trimmedWhitespace
        guard (2...20).contains(secretary.count) else {
            throw DomainError(code: "secretary_required", message: "请填写书记（负责人）姓名", english: "name the secretary", field: "secretary")
        }
        establishedOn = try CivilDate.typed(day, notAfter: today, field: "established_on")
    }
}

/// The service stations' standing activities (Lixia: 书记接待日, 红色议事会, 业主沟通日).
public enum PartyActivityKind: String, CaseIterable, Codable, Sendable {
    case secretaryReception = "secretary_reception"
    case redCouncil = "red_council"
    case ownersDay = "owners_day"
    case other

    public var chineseName: String {
        switch self {
        case .secretaryReception: "书记接待日"
        case .redCouncil: "红色议事会"
        case .ownersDay: "业主沟通日"
        case .other: "其他党建活动"
        }
    }
}

/// Coverage as the programmes report it — "131 of 131 companies", "36 party organisations in 130
/// committees" — a part, a whole and the rate in ‰.
public struct PartyCoverage: Sendable, Equatable {
    public let covered: Int
    public let of: Int
    public var permille: Int? { Permille.of(covered, of) }

    public init(covered: Int, of: Int) {
        self.covered = covered
        self.of = of
    }
}
