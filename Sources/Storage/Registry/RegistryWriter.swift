import Registry
import SQLKit
import WuyeCore

/// Writes registry rows inside one transaction, a compound at a time: rows arrive grouped by
/// compound (as exports and the demo generator give them), each group is planned against the
/// compound as stored and written in bulk. A compound whose rows come back later in the file is
/// merged, not overwritten: homes already listed keep the owners this import gave them.
final class RegistryWriter {
    private let store: RegistryStore
    private var ids: RegistryIDs
    private var divisions: [String: String]
    private var pending: [RegistryRow] = []
    private var listedHomes: Set<Int64> = []
    private(set) var summary = RegistryImportSummary()
    private(set) var touchedCompounds: [CompoundKey: Int64] = [:]

    init(sql: any SQLDatabase) async throws {
        store = RegistryStore(sql: sql)
        ids = try await store.nextIDs()
        divisions = try await store.divisionNames()
    }

    func add(_ row: RegistryRow) async throws {
        if let first = pending.first, first.compoundKey != row.compoundKey { try await flush() }
        pending.append(row)
    }

    /// Writes what is pending and rolls the counts up. Call once at the end.
    func finish() async throws -> RegistryImportSummary {
        try await flush()
        try await store.refreshDivisionCounts()
        return summary
    }

    private func flush() async throws {
        guard let first = pending.first else { return }
        let rows = pending
        pending.removeAll(keepingCapacity: true)
        try await ensureDivisions(first)
        let key = first.compoundKey
        let stored = try await store.compound(key)
        var snapshot: CompoundSnapshot?
        if let stored { snapshot = try await store.snapshot(id: stored.id, type: stored.type) }
        let numbers = Array(Set(rows.compactMap { $0.owner?.identifier.rawValue }))
        let owners = try await store.owners(idNumbers: numbers)
        let plan = CompoundPlanner.plan(compound: key, type: first.compoundType, rows: rows, snapshot: snapshot,
                                        owners: owners, listedEarlier: listedHomes, ids: &ids)
        try await store.apply(plan, key: key)
        summary.add(plan, rows: rows.count)
        touchedCompounds[key] = plan.compoundID
        listedHomes.formUnion(plan.newHomes.map(\.id))
        listedHomes.formUnion(plan.listedExistingHomes)
    }

    /// Creates the city, district, subdistrict and community of a row if new; renames them
    /// when the file names them differently (the file is the registry office's word).
    private func ensureDivisions(_ row: RegistryRow) async throws {
        guard let cityCode = row.district.code.parent else { return }
        let chain: [(DivisionCode, String, DivisionCode?)] = [
            (cityCode, OfficialDivisions.named(cityCode.rawValue) ?? cityCode.rawValue, nil),
            (row.district.code, row.district.name, cityCode),
            (row.subdistrict.code, row.subdistrict.name, row.district.code),
            (row.community.code, row.community.name, row.subdistrict.code),
        ]
        for (code, name, parent) in chain {
            if let known = divisions[code.rawValue] {
                if known != name, parent != nil {
                    try await store.renameDivision(code: code, name: name)
                    divisions[code.rawValue] = name
                    summary.divisionsRenamed += 1
                }
            } else {
                try await store.insertDivision(code: code, name: name, parent: parent)
                divisions[code.rawValue] = name
                summary.divisionsCreated += 1
            }
        }
    }
}
