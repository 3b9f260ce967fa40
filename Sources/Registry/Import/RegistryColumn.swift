import WuyeCore

/// The columns of the registry import format (shared/domain.md, "Registry import format").
public enum RegistryColumn: String, CaseIterable, Sendable {
    case districtCode = "district_code"
    case districtName = "district_name"
    case subdistrictCode = "subdistrict_code"
    case subdistrictName = "subdistrict_name"
    case communityCode = "community_code"
    case communityName = "community_name"
    case compoundName = "compound_name"
    case compoundType = "compound_type"
    case building
    case unit
    case home
    case areaM2 = "area_m2"
    case ownerName = "owner_name"
    case ownerIDNumber = "owner_id_number"
    case ownerPhone = "owner_phone"
    case delivered

    public var chineseLabel: String {
        switch self {
        case .districtCode: "区县代码"
        case .districtName: "区县名称"
        case .subdistrictCode: "街道代码"
        case .subdistrictName: "街道名称"
        case .communityCode: "社区代码"
        case .communityName: "社区名称"
        case .compoundName: "小区名称"
        case .compoundType: "小区类型"
        case .building: "楼栋"
        case .unit: "单元"
        case .home: "房号"
        case .areaM2: "建筑面积"
        case .ownerName: "业主姓名"
        case .ownerIDNumber: "证件号码"
        case .ownerPhone: "联系电话"
        case .delivered: "是否交付"
        }
    }

    /// Optional columns may be left out of the header altogether.
    public var isOptional: Bool { self == .ownerPhone || self == .delivered }

    /// The column's place in `allCases`, for looking positions up by index: hashing the column
    /// for each of a row's 16 fields was a measurable part of a city import.
    var ordinal: Int {
        switch self {
        case .districtCode: 0
        case .districtName: 1
        case .subdistrictCode: 2
        case .subdistrictName: 3
        case .communityCode: 4
        case .communityName: 5
        case .compoundName: 6
        case .compoundType: 7
        case .building: 8
        case .unit: 9
        case .home: 10
        case .areaM2: 11
        case .ownerName: 12
        case .ownerIDNumber: 13
        case .ownerPhone: 14
        case .delivered: 15
        }
    }
}

/// Where each column sits in a file, read from its header row. Unknown columns are ignored
/// (Excel exports carry extra columns); a missing required column or a repeated one is an issue.
public struct RegistryHeader: Sendable {
    public let positions: [RegistryColumn: Int]
    /// The header text of each column, for reporting issues in the clerk's own words.
    public let names: [RegistryColumn: String]
    private let positionsByOrdinal: [Int?]

    public init(fields: [String], line: Int = 1) throws(RegistryIssueList) {
        var positions: [RegistryColumn: Int] = [:]
        var names: [RegistryColumn: String] = [:]
        var issues: [RegistryIssue] = []
        for (index, raw) in fields.enumerated() {
            let text = raw.trimmedWhitespace
            guard let column = RegistryColumn.allCases.first(where: {
                $0.rawValue == text.lowercased() || $0.chineseLabel == text
            }) else { continue }
            if positions[column] != nil {
                issues.append(RegistryIssue(line: line, column: text, reason: "列重复 (column appears twice)",
                                            code: "duplicate_column"))
            }
            positions[column] = index
            names[column] = text
        }
        for column in RegistryColumn.allCases where !column.isOptional && positions[column] == nil {
            issues.append(RegistryIssue(
                line: line, column: column.rawValue,
                reason: "缺少列 \(column.rawValue)/\(column.chineseLabel) (missing column)", code: "missing_column"))
        }
        guard issues.isEmpty else { throw RegistryIssueList(issues: issues) }
        self.positions = positions
        self.names = names
        positionsByOrdinal = RegistryColumn.allCases.map { positions[$0] }
    }

    /// Where `column` sits in a record, if the file has it.
    public func position(of column: RegistryColumn) -> Int? { positionsByOrdinal[column.ordinal] }

    public func name(of column: RegistryColumn) -> String { names[column] ?? column.rawValue }
}

/// Several issues at once: a registry file is reported whole, never only its first fault.
public struct RegistryIssueList: Error, Sendable, Equatable {
    public var issues: [RegistryIssue]
    public init(issues: [RegistryIssue]) { self.issues = issues }
}
