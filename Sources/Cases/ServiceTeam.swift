import WuyeCore

/// Who serves on a grid's team (一个网格一个服务团队): the community's full-time grid worker and the
/// property company's steward (the "双员"), security guards and cleaners.
public enum TeamRole: String, CaseIterable, Codable, Sendable {
    case gridWorker = "grid_worker"
    case steward
    case securityGuard = "security_guard"
    case cleaner

    public var chineseName: String {
        switch self {
        case .gridWorker: "网格员"
        case .steward: "红色管家"
        case .securityGuard: "安全员"
        case .cleaner: "保洁员"
        }
    }

    /// The grid worker is the community's; the rest are the property company's staff, and the company
    /// keeps them on the roster itself.
    public var isCompanyStaff: Bool { self != .gridWorker }
}

/// The staffing norm for a grid's team. The default is Lixia's 万科城: per 500 households one
/// steward, three security guards and four cleaners, plus the grid's one full-time grid worker
/// (seed text 000, "按照每500户居民一个网格一个服务团队的标准，配备1名红色管家、3名安全员、4名保洁").
/// A district or the city sets its own.
public struct StaffingNorm: Sendable, Equatable, Codable {
    public let householdsPerTeam: Int
    public let stewards: Int
    public let securityGuards: Int
    public let cleaners: Int

    public static let wanke = StaffingNorm(uncheckedHouseholds: 500, stewards: 1, securityGuards: 3, cleaners: 4)

    public init(householdsPerTeam: Int, stewards: Int, securityGuards: Int, cleaners: Int) throws(DomainError) {
        guard (50...5_000).contains(householdsPerTeam) else {
            throw DomainError(code: "invalid_households", message: "每个服务团队服务的户数须在 50 到 5000 之间",
                              english: "a team serves 50 to 5,000 households", field: "households_per_team")
        }
        for (field, count) in [("stewards", stewards), ("security_guards", securityGuards), ("cleaners", cleaners)]
        where !(0...50).contains(count) {
            throw DomainError(code: "invalid_count", message: "人数须在 0 到 50 之间", english: "a count is 0 to 50", field: field)
        }
        self.init(uncheckedHouseholds: householdsPerTeam, stewards: stewards, securityGuards: securityGuards, cleaners: cleaners)
    }

    private init(uncheckedHouseholds: Int, stewards: Int, securityGuards: Int, cleaners: Int) {
        self.householdsPerTeam = uncheckedHouseholds
        self.stewards = stewards
        self.securityGuards = securityGuards
        self.cleaners = cleaners
    }

    /// Teams a grid of `households` needs: one per started block of households (501 needs two);
    /// at least one for any grid.
    public func teams(forHouseholds households: Int) -> Int {
        max(1, (households + householdsPerTeam - 1) / householdsPerTeam)
    }

    /// How many of each role a grid of `households` needs. One grid worker per grid, whatever its size.
    public func required(forHouseholds households: Int) -> [TeamRole: Int] {
        let teams = teams(forHouseholds: households)
        return [.gridWorker: 1, .steward: stewards * teams, .securityGuard: securityGuards * teams, .cleaner: cleaners * teams]
    }

    /// "每 500 户：红色管家 1 名、安全员 3 名、保洁员 4 名"
    public var chineseText: String {
        "每 \(householdsPerTeam) 户：红色管家 \(stewards) 名、安全员 \(securityGuards) 名、保洁员 \(cleaners) 名"
    }
}

/// A grid's team against the norm: who is missing.
public struct TeamStaffing: Sendable, Equatable {
    public let households: Int
    public let present: [TeamRole: Int]
    public let required: [TeamRole: Int]

    public init(households: Int, present: [TeamRole: Int], norm: StaffingNorm) {
        self.households = households
        self.present = present
        self.required = norm.required(forHouseholds: households)
    }

    /// Roles below the norm, with how many are missing, in the order of `TeamRole.allCases`.
    public var shortfalls: [(role: TeamRole, missing: Int)] {
        TeamRole.allCases.compactMap { role in
            let missing = (required[role] ?? 0) - (present[role] ?? 0)
            return missing > 0 ? (role, missing) : nil
        }
    }

    public var isBelowNorm: Bool { !shortfalls.isEmpty }
}

/// A person put on a grid's roster: role, name and a phone that residents may call (grid worker and
/// steward names and phones are posted at the grid, 滨州网格化服务管理条例 Art. 6).
public struct TeamMember: Sendable, Equatable {
    public let role: TeamRole
    public let name: String
    public let phone: PhoneNumber

    public init(role: String, name: String, phone: String) throws(DomainError) {
        guard let role = TeamRole(rawValue: role) else {
            throw DomainError(code: "invalid_team_role", message: "请选择岗位", english: "choose a team role", field: "role")
        }
        let name = name.trimmedWhitespace
        guard (1...30).contains(name.count) else {
            throw DomainError(code: "invalid_name", message: "请填写姓名（30 字以内）", english: "a name of 1 to 30 characters", field: "name")
        }
        do {
            self.phone = try PhoneNumber(phone)
        } catch {
            throw DomainError(code: error.code, message: error.message, english: error.english, field: "phone")
        }
        self.role = role
        self.name = name
    }
}
