import WuyeCore

/// Everything an import writes for one compound.
public struct CompoundPlan: Sendable {
    public struct Building: Sendable, Equatable {
        public var id: Int64
        public var number: String
        public var counts: RegistryCounts
    }
    public struct Unit: Sendable, Equatable {
        public var id: Int64
        public var buildingID: Int64
        public var number: String
    }
    public struct Home: Sendable, Equatable {
        public var id: Int64
        public var unitID: Int64
        public var buildingID: Int64
        public var number: String
        public var area: CentiSquareMetres
        public var delivered: Bool
    }
    public struct Owner: Sendable, Equatable {
        public var id: Int64
        public var identifier: OwnerIdentifier
        public var name: String
        public var phone: PhoneNumber?
    }
    public struct Ownership: Sendable, Equatable, Hashable {
        public var homeID: Int64
        public var ownerID: Int64
        public init(homeID: Int64, ownerID: Int64) {
            self.homeID = homeID
            self.ownerID = ownerID
        }
    }

    public var compoundID: Int64
    public var compoundType: CompoundType
    public var isNewCompound: Bool
    public var compoundTypeChanged: Bool
    public var compoundCounts: RegistryCounts
    public var compoundCountsChanged: Bool
    public var newBuildings: [Building] = []
    /// Existing buildings whose counts change.
    public var recountedBuildings: [Building] = []
    public var newUnits: [Unit] = []
    public var newHomes: [Home] = []
    public var changedHomes: [Home] = []
    public var newOwners: [Owner] = []
    public var changedOwners: [Owner] = []
    /// Homes whose owners are replaced: their current ownerships are removed first.
    public var clearedOwnershipHomes: [Int64] = []
    public var removedOwnershipCount = 0
    public var newOwnerships: [Ownership] = []
    /// Stored homes the rows list (new homes are in `newHomes`).
    public var listedExistingHomes: [Int64] = []
}
