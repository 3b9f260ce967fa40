import WuyeCore

/// Decides what one compound's rows change in the registry: new buildings, units and homes,
/// changed areas and owners, the owner set of every home listed, and the counts kept for
/// browsing. Pure: the database is read before (the snapshot and owners) and written after.
public enum CompoundPlanner {
    /// - Parameters:
    ///   - rows: every row of the file for this compound (the file check has already made them consistent).
    ///   - snapshot: the compound as stored, or nil when it is new.
    ///   - owners: the stored owners among the rows' ID numbers, by ID number.
    ///   - listedEarlier: homes this same import has already written (a compound whose rows come
    ///     back later in the file): their owners are added to, not replaced.
    ///   - ids: the next free ids; advanced past what the plan uses.
    public static func plan(
        compound key: CompoundKey, type: CompoundType, rows: [RegistryRow], snapshot: CompoundSnapshot?,
        owners: [String: ExistingOwner], listedEarlier: ListedHomes = ListedHomes(), ids: inout RegistryIDs
    ) -> CompoundPlan {
        let compoundID = snapshot?.id ?? RegistryIDs.take(&ids.compound)
        var plan = CompoundPlan(
            compoundID: compoundID, compoundType: type, isNewCompound: snapshot == nil,
            compoundTypeChanged: snapshot.map { $0.type != type } ?? false,
            compoundCounts: RegistryCounts(), compoundCountsChanged: false)

        var buildingIDs: [String: Int64] = snapshot?.buildings.mapValues(\.id) ?? [:]
        var unitIDs: [UnitKey: Int64] = snapshot?.units ?? [:]
        var homes: [HomeKey: (id: Int64, buildingID: Int64, area: CentiSquareMetres)] = [:]
        for (homeKey, home) in snapshot?.homes ?? [:] { homes[homeKey] = (home.id, home.buildingID, home.area) }
        var ownerIDs: [String: Int64] = owners.mapValues(\.id)
        var settledOwners: Set<String> = []
        var desiredOwners: [Int64: [Int64]] = [:]  // home id → owner ids in file order
        var listedHomes: [(id: Int64, existing: ExistingHome?)] = []

        // Rows come unit by unit: a row in the previous row's unit needs no look-up of either.
        var previousUnit: (key: UnitKey, buildingID: Int64, unitID: Int64)?
        for row in rows {
            let buildingID: Int64
            let unitID: Int64
            if let previous = previousUnit, previous.key.unit == row.unit, previous.key.building == row.building {
                (buildingID, unitID) = (previous.buildingID, previous.unitID)
            } else {
                if let id = buildingIDs[row.building] {
                    buildingID = id
                } else {
                    buildingID = RegistryIDs.take(&ids.building)
                    buildingIDs[row.building] = buildingID
                    plan.newBuildings.append(.init(id: buildingID, number: row.building, counts: RegistryCounts()))
                }
                let unitKey = UnitKey(building: row.building, unit: row.unit)
                if let id = unitIDs[unitKey] {
                    unitID = id
                } else {
                    unitID = RegistryIDs.take(&ids.unit)
                    unitIDs[unitKey] = unitID
                    plan.newUnits.append(.init(id: unitID, buildingID: buildingID, number: row.unit))
                }
                previousUnit = (unitKey, buildingID, unitID)
            }
            let homeKey = row.homeKey
            let (home, isNewHome) = homes.entry(homeKey, inserting: (ids.home, buildingID, row.area))
            let homeID = home.id
            if isNewHome {
                _ = RegistryIDs.take(&ids.home)
                listedHomes.append((homeID, nil))
                plan.newHomes.append(.init(id: homeID, unitID: unitID, buildingID: buildingID, number: row.home,
                                           area: row.area, delivered: row.delivered))
            } else if desiredOwners[homeID] == nil, let stored = snapshot?.homes[homeKey] {
                listedHomes.append((homeID, stored))
                if stored.area != row.area || stored.delivered != row.delivered {
                    plan.changedHomes.append(.init(id: homeID, unitID: unitID, buildingID: buildingID,
                                                   number: row.home, area: row.area, delivered: row.delivered))
                    homes[homeKey] = (homeID, buildingID, row.area)
                }
            }
            var ownerID: Int64?
            if let owner = row.owner {
                let number = owner.identifier.rawValue
                let (id, isNewOwner) = ownerIDs.entry(number, inserting: ids.owner)
                ownerID = id
                if isNewOwner {
                    _ = RegistryIDs.take(&ids.owner)
                    plan.newOwners.append(.init(id: id, identifier: owner.identifier, name: owner.name,
                                                phone: owner.phone))
                } else if let stored = owners[number], settledOwners.insert(number).inserted,
                          stored.name != owner.name || stored.phone != owner.phone?.rawValue {
                    plan.changedOwners.append(.init(id: id, identifier: owner.identifier, name: owner.name,
                                                    phone: owner.phone))
                }
            }
            // In place: copying the list out and back made every co-owner's row copy it.
            Self.want(ownerID, in: &desiredOwners[homeID, default: []])
        }

        for (homeID, existing) in listedHomes {
            var wanted = desiredOwners[homeID] ?? []
            if let existing {
                plan.listedExistingHomes.append(homeID)
                if listedEarlier.contains(homeID) {
                    wanted = wanted.filter { !existing.ownerIDs.contains($0) }
                    for ownerID in wanted { plan.newOwnerships.append(.init(homeID: homeID, ownerID: ownerID)) }
                    continue
                }
                if existing.ownerIDs == wanted.sorted() { continue }
            }
            if let existing, !existing.ownerIDs.isEmpty {
                plan.clearedOwnershipHomes.append(homeID)
                plan.removedOwnershipCount += existing.ownerIDs.count
            }
            for ownerID in wanted { plan.newOwnerships.append(.init(homeID: homeID, ownerID: ownerID)) }
        }

        // Counts after the import, from the whole compound (stored homes not in the file included).
        var perBuilding: [Int64: RegistryCounts] = [:]
        for unitKey in unitIDs.keys {
            if let buildingID = buildingIDs[unitKey.building] { perBuilding[buildingID, default: .init()].units += 1 }
        }
        for home in homes.values { perBuilding[home.buildingID, default: .init()].add(home: home.area) }
        for index in plan.newBuildings.indices {
            plan.newBuildings[index].counts = perBuilding[plan.newBuildings[index].id] ?? RegistryCounts()
        }
        for (number, building) in snapshot?.buildings ?? [:] {
            let counts = perBuilding[building.id] ?? RegistryCounts()
            if counts != building.counts {
                plan.recountedBuildings.append(.init(id: building.id, number: number, counts: counts))
            }
        }
        var total = perBuilding.values.reduce(RegistryCounts(), +)
        total.buildings = Int64(buildingIDs.count)
        plan.compoundCounts = total
        plan.compoundCountsChanged = snapshot == nil || !plan.newBuildings.isEmpty || !plan.newUnits.isEmpty
            || !plan.newHomes.isEmpty || !plan.changedHomes.isEmpty || !plan.recountedBuildings.isEmpty
        return plan
    }

    private static func want(_ owner: Int64?, in owners: inout [Int64]) {
        if let owner, !owners.contains(owner) { owners.append(owner) }
    }
}
