import Registry
import WuyeCore

/// What browsing the registry shows: read models with their maintained counts.
public struct DivisionView: Sendable, Codable, Equatable {
    public var code: String
    public var level: String
    public var name: String
    public var parentCode: String?
    public var counts: RegistryCounts
    public var compounds: Int64
}

public struct CompoundView: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var type: CompoundType
    public var communityCode: String
    public var address: String?
    public var renovatedOld: Bool
    public var counts: RegistryCounts
}

public struct BuildingView: Sendable, Codable, Equatable {
    public var id: Int64
    public var compoundID: Int64
    public var number: String
    public var counts: RegistryCounts

    enum CodingKeys: String, CodingKey {
        case id, compoundID = "compoundId", number, counts
    }
}

public struct UnitView: Sendable, Codable, Equatable {
    public var id: Int64
    public var number: String
    public var homes: [HomeView]
}

public struct HomeView: Sendable, Codable, Equatable {
    public var id: Int64
    public var compoundID: Int64
    public var buildingID: Int64
    public var building: String
    public var unit: String
    public var number: String
    public var area: CentiSquareMetres
    public var delivered: Bool

    enum CodingKeys: String, CodingKey {
        case id, compoundID = "compoundId", buildingID = "buildingId", building, unit, number
        case area = "areaCenti", delivered
    }
}

/// An owner as stored. Never sent as it is: the web layer masks it.
public struct OwnerRecordView: Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var idNumber: String
    public var name: String
    public var phone: String?
}

/// A compound's service arrangement: a company under contract (包干制 or 酬金制),
/// government-backstopped service (政府兜底) or self-management (自管).
public struct ServiceArrangementView: Sendable, Codable, Equatable {
    enum CodingKeys: String, CodingKey {
        case kind, companyID = "companyId", companyName, feeModel, startsOn, endsOn
    }

    public var kind: String
    public var companyID: Int64?
    public var companyName: String?
    public var feeModel: String?
    public var startsOn: String
    public var endsOn: String?
}

public struct GridView: Sendable, Codable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var buildingCount: Int64
}

/// One page of a list and where the next one starts.
public struct Page<Item: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var items: [Item]
    public var nextCursor: String?
}
