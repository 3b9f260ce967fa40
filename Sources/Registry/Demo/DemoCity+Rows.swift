import WuyeCore

extension DemoCity {
    /// The registry rows of one compound, in registry order, with their city-wide line numbers.
    public func rows(of compound: DemoCompound) -> [RegistryRow] {
        var rows: [RegistryRow] = []
        rows.reserveCapacity(compound.rowCount)
        emitRows(of: compound) { rows.append($0) }
        return rows
    }

    /// Every registry row of the city, compound after compound, without holding them: the
    /// memory used is one compound's layout at a time.
    public func forEachRow(_ body: (RegistryRow) throws -> Void) rethrows {
        for compound in compounds {
            try emitRows(of: compound, body)
        }
    }

    private func emitRows(of compound: DemoCompound, _ body: (RegistryRow) throws -> Void) rethrows {
        let layout = DemoCompoundLayout(
            seed: seed, index: compound.index, type: compound.type, buildingCount: compound.buildingCount,
            unitCount: compound.unitCount, homeCount: compound.homeCount,
            developerHeldBuildings: compound.developerHeldBuildings)
        let identities = DemoIdentities(seed: seed)
        let districtCode = compound.district.code.rawValue
        let buildingNames = (0...layout.buildings.count).map(String.init)
        let unitNames = (0...(layout.buildings.map(\.units).max() ?? 0)).map(String.init)
        // One row value is reused and only its changing fields are set: the division and compound
        // fields share their strings across all rows of the compound.
        var row = RegistryRow(
            line: compound.firstLine, district: compound.district, subdistrict: compound.subdistrict,
            community: compound.community, compoundName: compound.name, compoundType: compound.type, building: "",
            unit: "", home: "", area: .zero, owner: nil, delivered: true)
        var line = compound.firstLine
        // Consecutive homes of one owner reuse the owner records instead of rebuilding them.
        var cached: DemoHolding?
        var owner: OwnerRecord?
        var coOwner: OwnerRecord?
        try layout.walk(
            seed: seed, index: compound.index, type: compound.type, firstPerson: compound.firstPersonIndex,
            firstOrganisation: compound.firstOrganisationIndex
        ) { home in
            row.building = buildingNames[home.building]
            row.unit = unitNames[home.unit]
            row.home = String(home.floor * 100 + home.door)
            row.area = CentiSquareMetres(home.area)
            guard let holding = home.holding else {
                row.line = line
                row.owner = nil
                row.delivered = false
                line += 1
                try body(row)
                return
            }
            if holding != cached {
                cached = holding
                owner = Self.record(holding.owner, districtCode: districtCode, identities: identities)
                coOwner = holding.coOwner.map {
                    Self.record(.person($0), districtCode: districtCode, identities: identities)
                }
            }
            row.delivered = true
            row.line = line
            row.owner = owner
            line += 1
            try body(row)
            if let coOwner {
                row.line = line
                row.owner = coOwner
                line += 1
                try body(row)
            }
        }
    }

    private static func record(
        _ party: DemoHolding.Party, districtCode: String, identities: DemoIdentities
    ) -> OwnerRecord {
        switch party {
        case .person(let index):
            // GB 11643: the address code is where the ID was issued; the home's district is plausible.
            let resident = identities.resident(person: index, addressCode: districtCode)
            return OwnerRecord(
                identifier: .person(resident.id), name: identities.personName(person: index, isMale: resident.isMale),
                phone: identities.phone(owner: index, organisation: false))
        case .organisation(let index):
            let firm = identities.organisation(index, districtCode: districtCode)
            return OwnerRecord(
                identifier: .organisation(firm.code), name: firm.name,
                phone: identities.phone(owner: index, organisation: true))
        }
    }
}
