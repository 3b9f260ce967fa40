import WuyeCore

/// One validated line of the housing registry: one (home, owner) pair. Co-owners of a home are
/// several rows with the same home; a home still held by the developer may have no owner.
public struct RegistryRow: Sendable, Equatable {
    public var line: Int
    public var district: NamedDivision
    public var subdistrict: NamedDivision
    public var community: NamedDivision
    public var compoundName: String
    public var compoundType: CompoundType
    public var building: String
    public var unit: String
    public var home: String
    public var area: CentiSquareMetres
    public var owner: OwnerRecord?
    /// false: the home is still held by the developer (unsold or sold but not delivered).
    public var delivered: Bool

    public init(
        line: Int, district: NamedDivision, subdistrict: NamedDivision, community: NamedDivision,
        compoundName: String, compoundType: CompoundType, building: String, unit: String, home: String,
        area: CentiSquareMetres, owner: OwnerRecord?, delivered: Bool
    ) {
        self.line = line
        self.district = district
        self.subdistrict = subdistrict
        self.community = community
        self.compoundName = compoundName
        self.compoundType = compoundType
        self.building = building
        self.unit = unit
        self.home = home
        self.area = area
        self.owner = owner
        self.delivered = delivered
    }

    public var compoundKey: CompoundKey { CompoundKey(communityCode: community.code, name: compoundName) }
    public var homeKey: HomeKey { HomeKey(building: building, unit: unit, home: home) }
}

/// A division as the registry names it.
public struct NamedDivision: Sendable, Hashable {
    public var code: DivisionCode
    public var name: String
    public init(code: DivisionCode, name: String) {
        self.code = code
        self.name = name
    }
}

/// A compound's natural key: its name is unique within its community.
public struct CompoundKey: Sendable, Hashable {
    public var communityCode: DivisionCode
    public var name: String
    public init(communityCode: DivisionCode, name: String) {
        self.communityCode = communityCode
        self.name = name
    }
}

/// A home's natural key inside its compound: building, unit and home numbers as normalised.
public struct HomeKey: Sendable, Hashable, Comparable {
    public var building: String
    public var unit: String
    public var home: String
    public init(building: String, unit: String, home: String) {
        self.building = building
        self.unit = unit
        self.home = home
    }
    public static func < (a: HomeKey, b: HomeKey) -> Bool {
        (a.building, a.unit, a.home) < (b.building, b.unit, b.home)
    }
}

/// The owner named on a registry row.
public struct OwnerRecord: Sendable, Equatable {
    public var identifier: OwnerIdentifier
    public var name: String
    public var phone: PhoneNumber?
    public init(identifier: OwnerIdentifier, name: String, phone: PhoneNumber?) {
        self.identifier = identifier
        self.name = name
        self.phone = phone
    }
}
