import Registry
import SQLKit
import WuyeCore

/// Writes registry rows inside one transaction, a compound at a time: rows arrive grouped by
/// compound (as exports and the demo generator give them), each group is planned against the
/// compound as stored and written in bulk. A compound whose rows come back later in the file is
/// merged, not overwritten: homes already listed keep the owners this import gave them.
///
/// Three things overlap on two cores: the caller reads and checks the next compounds, the
/// writer plans one compound while the one before it is written, and the database writes.
/// A few compounds may queue (compounds vary in size, and with a queue of one each side kept
/// waiting for the other); plans are made in file order and writes happen in file order, and
/// the queue's bound keeps memory flat.
final class RegistryWriter {
    private static let queueBound = 8
    private let compounds: CompoundWriter
    private var pending: [RegistryRow] = []
    /// The writes queued or under way, oldest first.
    private var queued: [Task<Void, any Error>] = []
    private var lastPlan: Task<PlannedCompound, any Error>?

    private init(sql: any SQLDatabase) async throws {
        compounds = try await CompoundWriter(sql: sql)
    }

    /// Runs `body` with a writer on the transaction `sql`. Whatever way `body` ends, no plan or
    /// write is still running when this returns, so none can outlive the transaction.
    static func writing<T>(on sql: any SQLDatabase, _ body: (RegistryWriter) async throws -> T) async throws -> T {
        let writer = try await RegistryWriter(sql: sql)
        do {
            return try await body(writer)
        } catch {
            // Each write waits for its plan, so waiting for the writes waits for every plan.
            for write in writer.queued { _ = try? await write.value }
            throw error
        }
    }

    func add(_ row: RegistryRow) async throws {
        if let first = pending.first, first.compoundKey != row.compoundKey { try await hand(over: pending) }
        if pending.isEmpty { pending.reserveCapacity(1_024) }
        pending.append(row)
    }

    /// Writes what is pending and rolls the counts up. Call once at the end.
    func finish() async throws -> (summary: RegistryImportSummary, touched: [CompoundKey: Int64]) {
        if !pending.isEmpty { try await hand(over: pending) }
        while !queued.isEmpty { try await queued.removeFirst().value }
        return try await compounds.finish()
    }

    private func hand(over rows: [RegistryRow]) async throws {
        pending = []
        if queued.count >= Self.queueBound { try await queued.removeFirst().value }
        let compounds = self.compounds
        // A plan reads the database, so it waits until at most one write, the previous
        // compound's, is still under way: `CompoundWriter` knows what that one is writing.
        let (previousPlan, writeBeforePrevious) = (lastPlan, queued.dropLast().last)
        let plan = Task {
            _ = try await previousPlan?.value
            try await writeBeforePrevious?.value
            return try await compounds.plan(rows)
        }
        let previousWrite = queued.last
        lastPlan = plan
        queued.append(Task {
            try await previousWrite?.value
            try await compounds.write(try await plan.value)
        })
    }
}

/// One compound's plan, ready to write.
private struct PlannedCompound: Sendable {
    let plan: CompoundPlan
    let key: CompoundKey
    let rows: Int
    /// The plan's place in file order.
    let serial: Int
}

/// Plans and writes one compound's rows at a time against the compound as stored.
private actor CompoundWriter {
    private let store: RegistryStore
    private var ids: RegistryIDs
    private var divisions: [String: String]
    private var listedHomes: ListedHomes
    /// Whether any owner was stored before this import; if none was, only owners this import
    /// created can exist, and the hashes of their ID numbers say which rows need a lookup (a
    /// hash collision costs one needless lookup, never a wrong answer).
    private let ownersStoredBefore: Bool
    private var ownersCreated: Set<Int> = []
    /// Plans made but not yet written: a plan takes the owners these create or change from
    /// here, not from the database they are still being written to.
    private var unwrittenPlans: [(serial: Int, plan: CompoundPlan)] = []
    private var plans = 0
    private var summary = RegistryImportSummary()
    private var touchedCompounds: [CompoundKey: Int64] = [:]

    init(sql: any SQLDatabase) async throws {
        store = RegistryStore(sql: sql)
        ids = try await store.nextIDs()
        listedHomes = ListedHomes(firstCreated: ids.home)
        ownersStoredBefore = ids.owner > 1
        divisions = try await store.divisionNames()
    }

    func plan(_ rows: [RegistryRow]) async throws -> PlannedCompound {
        guard let first = rows.first else { preconditionFailure("a compound is handed over with its rows") }
        try await ensureDivisions(first)
        let key = first.compoundKey
        let stored = try await store.compound(key)
        var snapshot: CompoundSnapshot?
        if let stored { snapshot = try await store.snapshot(id: stored.id, type: stored.type) }
        var numbers: Set<String> = []
        for row in rows {
            guard let number = row.owner?.identifier.rawValue else { continue }
            if ownersStoredBefore || ownersCreated.contains(number.hashValue) { numbers.insert(number) }
        }
        var owners: [String: ExistingOwner] = [:]
        if !numbers.isEmpty {
            for (_, unwritten) in unwrittenPlans {
                for owner in unwritten.newOwners + unwritten.changedOwners where numbers.contains(owner.identifier.rawValue) {
                    owners[owner.identifier.rawValue] = ExistingOwner(id: owner.id, name: owner.name,
                                                                      phone: owner.phone?.rawValue)
                }
            }
            let unread = numbers.filter { owners[$0] == nil }
            owners.merge(try await store.owners(idNumbers: Array(unread))) { unwritten, _ in unwritten }
        }
        let plan = CompoundPlanner.plan(compound: key, type: first.compoundType, rows: rows, snapshot: snapshot,
                                        owners: owners, listedEarlier: listedHomes, ids: &ids)
        plans += 1
        listedHomes.add(plan)
        touchedCompounds[key] = plan.compoundID
        unwrittenPlans.append((plans, plan))
        if !ownersStoredBefore { for owner in plan.newOwners { ownersCreated.insert(owner.identifier.rawValue.hashValue) } }
        return PlannedCompound(plan: plan, key: key, rows: rows.count, serial: plans)
    }

    /// Off the actor: the next compound's plan runs on the actor meanwhile, and a write that
    /// had to wait for the actor between its inserts kept the database idle.
    nonisolated func write(_ planned: PlannedCompound) async throws {
        try await store.apply(planned.plan, key: planned.key)
        await wrote(planned)
    }

    private func wrote(_ planned: PlannedCompound) {
        summary.add(planned.plan, rows: planned.rows)
        unwrittenPlans.removeAll { $0.serial == planned.serial }
    }

    func finish() async throws -> (summary: RegistryImportSummary, touched: [CompoundKey: Int64]) {
        try await store.refreshDivisionCounts()
        return (summary, touchedCompounds)
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
