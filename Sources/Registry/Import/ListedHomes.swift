/// The homes one import has already written, for a compound whose rows come back later in the
/// file: every home the import created (their ids run from `firstCreated` up, so they need no
/// set of millions) and the stored homes its rows listed.
public struct ListedHomes: Sendable {
    public let firstCreated: Int64
    private var stored: Set<Int64> = []

    /// `firstCreated`: the first home id the import hands out.
    public init(firstCreated: Int64 = .max) {
        self.firstCreated = firstCreated
    }

    public func contains(_ home: Int64) -> Bool { home >= firstCreated || stored.contains(home) }

    /// Records what a compound's plan wrote.
    public mutating func add(_ plan: CompoundPlan) {
        for home in plan.listedExistingHomes where home < firstCreated { stored.insert(home) }
    }
}
