/// What an import created and updated, printed at its end.
public struct RegistryImportSummary: Sendable, Equatable, Codable {
    public var rows = 0
    public var divisionsCreated = 0
    public var divisionsRenamed = 0
    public var compoundsCreated = 0
    public var compoundsUpdated = 0
    public var buildingsCreated = 0
    public var unitsCreated = 0
    public var homesCreated = 0
    public var homesUpdated = 0
    public var ownersCreated = 0
    public var ownersUpdated = 0
    public var ownershipsAdded = 0
    public var ownershipsRemoved = 0

    public init() {}

    /// False when importing the same file again: nothing was created or changed.
    public var changedAnything: Bool {
        divisionsCreated + divisionsRenamed + compoundsCreated + compoundsUpdated + buildingsCreated + unitsCreated
            + homesCreated + homesUpdated + ownersCreated + ownersUpdated + ownershipsAdded + ownershipsRemoved > 0
    }

    public mutating func add(_ plan: CompoundPlan, rows: Int) {
        self.rows += rows
        compoundsCreated += plan.isNewCompound ? 1 : 0
        compoundsUpdated += plan.compoundTypeChanged ? 1 : 0
        buildingsCreated += plan.newBuildings.count
        unitsCreated += plan.newUnits.count
        homesCreated += plan.newHomes.count
        homesUpdated += plan.changedHomes.count
        ownersCreated += plan.newOwners.count
        ownersUpdated += plan.changedOwners.count
        ownershipsAdded += plan.newOwnerships.count
        ownershipsRemoved += plan.removedOwnershipCount
    }

    /// The lines a clerk reads at the end of an import.
    public var report: String {
        """
        rows read \(rows)
        divisions   created \(divisionsCreated), renamed \(divisionsRenamed)
        compounds   created \(compoundsCreated), updated \(compoundsUpdated)
        buildings   created \(buildingsCreated)
        units       created \(unitsCreated)
        homes       created \(homesCreated), updated \(homesUpdated)
        owners      created \(ownersCreated), updated \(ownersUpdated)
        ownerships  added \(ownershipsAdded), removed \(ownershipsRemoved)
        """
    }
}
