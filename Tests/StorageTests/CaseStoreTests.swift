import Access
import Cases
import Foundation
import Registry
import Storage
import Testing
import WuyeCore

/// The demo city with its accounts: the owner, the steward, the grid worker, the subdistrict office
/// and the district housing bureau of the first compound.
struct CaseWorld {
    let db: WuyeDatabase
    let store: CaseStore
    let queries: CaseQueries
    let clock: ManualClock
    let owner: Principal, steward: Principal, gridWorker: Principal, subdistrict: Principal, housing: Principal, district: Principal
    let compound: Int64
    let home: Int64

    static func open(_ backend: TestBackend, at start: Date = Date(timeIntervalSince1970: 1_795_000_000)) async throws -> CaseWorld {
        let db = try await backend.open()
        let clock = ManualClock(start)
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        try await DemoAccounts.create(in: db, hasher: quickHasher, clock: clock)
        let accounts = AccountStore(database: db, hasher: quickHasher, clock: clock)
        func principal(_ mobile: String) async throws -> Principal {
            let account = try #require(try await accounts.account(mobile: mobile))
            return try #require(try await accounts.principal(accountID: account.id))
        }
        let owner = try await principal("13900000000")
        let role = try #require(owner.roles.first)
        return CaseWorld(db: db, store: CaseStore(database: db, clock: clock), queries: CaseQueries(database: db), clock: clock,
                         owner: owner, steward: try await principal("13900000005"), gridWorker: try await principal("13900000006"),
                         subdistrict: try await principal("13900000009"), housing: try await principal("13900000010"),
                         district: try await principal("13900000011"),
                         compound: try #require(role.compoundID), home: try #require(role.homeIDs.min()))
    }

    func actor(_ principal: Principal) -> AuditActor { AuditActor(accountID: principal.accountID, label: principal.name) }

    func report(_ kind: CaseKind = .repair, source: CaseSource = .owner, by principal: Principal? = nil, photos: [[UInt8]] = [])
        async throws -> Int64 {
        let reporter = principal ?? owner
        return try await store.report(.init(kind: kind, source: source, description: "厨房水管漏水", compoundID: compound, homeID: home,
                                            photos: photos),
                                      reporter: reporter.accountID, by: actor(reporter))
    }

    func apply(_ events: [CaseEvent], _ id: Int64, by principal: Principal) async throws {
        for event in events { try await store.apply(event, caseID: id, note: "办理：\(event.rawValue)", by: principal, actor: actor(principal)) }
    }
}

let jpegBytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 60)

@Suite(.serialized)
struct CaseStoreTests {
    @Test(arguments: TestBackend.available)
    func anOwnersRepairGoesToTheCompanyAndEndsWithTheOwnersRating(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let id = try await world.report(photos: [jpegBytes])
        var record = try #require(try await world.queries.find(id: id))
        #expect(record.level == .company && record.state == .reported && record.companyID != nil && record.photoCount == 1)
        #expect(record.dueAt > world.clock.now())
        #expect(try await world.queries.queue(for: world.steward).toHandle.map(\.id) == [id])
        #expect(try await world.queries.queue(for: world.gridWorker).supervised.map(\.id) == [id])
        #expect(try await world.queries.queue(for: world.owner).reported.map(\.id) == [id])

        try await world.apply([.accept, .register, .dispatch, .startHandling, .reportBack, .startVerifying, .close], id, by: world.steward)
        record = try #require(try await world.queries.find(id: id))
        #expect(record.state == .closed && record.closedOnTime == true)
        let state = try await world.store.rate(caseID: id, rating: try CaseRating(stars: 5, comment: "很快修好了"), by: world.owner,
                                               actor: world.actor(world.owner))
        #expect(state == .closed)
        let timeline = try await world.queries.timeline(caseID: id)
        #expect(timeline.map(\.event) == ["report", "accept", "register", "dispatch", "start_handling", "report_back",
                                          "start_verifying", "close", "rate"])
        #expect(timeline.map(\.seq) == Array(1...9))
        let audited = try await AuditLog(database: world.db).entries(targetType: "case", targetID: String(id), limit: 50)
        #expect(audited.count == 9)
    }

    @Test(arguments: TestBackend.available)
    func aDissatisfiedRatingReturnsTheCaseWithAFreshDeadline(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let id = try await world.report()
        try await world.apply([.accept, .register, .dispatch, .startHandling, .reportBack, .startVerifying, .close], id, by: world.steward)
        world.clock.advance(seconds: 86_400)
        let state = try await world.store.rate(caseID: id, rating: try CaseRating(stars: 2, comment: "还在漏"), by: world.owner,
                                               actor: world.actor(world.owner))
        #expect(state == .returned)
        let record = try #require(try await world.queries.find(id: id))
        #expect(record.closedAt == nil && record.rating == 2 && record.dueAt > world.clock.now())
        try await world.apply([.startHandling], id, by: world.steward)
        #expect(try await world.queries.find(id: id)?.state == .handling)
    }

    @Test(arguments: TestBackend.available)
    func onlyTheLevelHoldingTheCaseMovesIt(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let id = try await world.report()
        let grid = await #expect(throws: DomainError.self) { try await world.apply([.accept], id, by: world.gridWorker) }
        #expect(grid?.code == "not_your_step")
        let owner = await #expect(throws: DomainError.self) { try await world.apply([.accept], id, by: world.owner) }
        #expect(owner?.code == "not_your_step")
        let early = await #expect(throws: DomainError.self) { try await world.apply([.close], id, by: world.steward) }
        #expect(early?.code == "transition_not_allowed")
        let noNote = await #expect(throws: DomainError.self) {
            try await world.store.apply(.register, caseID: id, note: " ", by: world.steward, actor: world.actor(world.steward))
        }
        #expect(noNote?.field == "note")
        #expect(try await world.queries.find(id: id)?.state == .reported)
        #expect(try await world.queries.timeline(caseID: id).count == 1)
    }

    @Test(arguments: TestBackend.available)
    func badReportsAreRefusedWholeAndNamedByField(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let kind = await #expect(throws: DomainError.self) { try await world.report(.illegalConstruction) }
        #expect(kind?.field == "kind")
        let photo = await #expect(throws: DomainError.self) { try await world.report(photos: [jpegBytes, Array("GIF89a".utf8)]) }
        #expect(photo?.field == "photos[1]" && photo?.code == "photo_type")
        let tooMany = await #expect(throws: DomainError.self) { try await world.report(photos: Array(repeating: jpegBytes, count: 5)) }
        #expect(tooMany?.code == "too_many_photos")
        #expect(try await world.db.count("cases") == 0)
        #expect(try await world.db.count("case_photos") == 0)
    }

    @Test(arguments: TestBackend.available)
    func disputesFromAStewardGoToTheGridAndClimbToTheDepartment(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let id = try await world.report(.dispute, source: .steward, by: world.steward)
        var record = try #require(try await world.queries.find(id: id))
        #expect(record.level == .grid && record.companyID == nil && record.department == .publicSecurity)
        let scheduler = CaseScheduler(database: world.db, clock: world.clock, holder: "a")
        #expect(try await scheduler.sweep() == .init(due: 0, escalated: 0))

        // Three working days pass: the grid is overdue; the case climbs to the subdistrict, once.
        world.clock.advance(seconds: 8 * 86_400)
        #expect(try await scheduler.sweep().escalated == 1)
        #expect(try await scheduler.sweep().escalated == 0)
        record = try #require(try await world.queries.find(id: id))
        #expect(record.level == .subdistrict && !record.acknowledged && record.escalations == 1)
        #expect(try await world.queries.queue(for: world.subdistrict).toHandle.map(\.id) == [id])

        // The subdistrict reports for duty, so its own deadline runs; it does not finish in time.
        try await world.store.acknowledge(caseID: id, note: "", by: world.subdistrict, actor: world.actor(world.subdistrict))
        world.clock.advance(seconds: 3600)
        #expect(try await scheduler.sweep().escalated == 0)
        world.clock.advance(seconds: 8 * 86_400)
        #expect(try await scheduler.sweep().escalated == 1)
        record = try #require(try await world.queries.find(id: id))
        #expect(record.level == .department)

        // The district department does not acknowledge: nowhere higher to go; it shows on the district's board.
        world.clock.advance(seconds: 8 * 86_400)
        #expect(try await scheduler.sweep().escalated == 0)
        #expect(try await world.queries.queue(for: world.housing).toHandle.isEmpty)
        let district = try #require(world.district.roles.first?.division)
        #expect(try await world.queries.board(division: district, now: world.clock.now()).map(\.id) == [id])
        // The city's board holds every district's: its code (370200) is not a prefix of theirs.
        let city = try #require(district.parent)
        #expect(try await world.queries.board(division: city, now: world.clock.now()).map(\.id) == [id])
        let events = try await world.queries.timeline(caseID: id).map(\.event)
        #expect(events == ["report", "escalate", "acknowledge", "escalate"])
        #expect(try await world.db.count("case_notifications") == 2)
    }

    @Test(arguments: TestBackend.available)
    func aLevelThatDoesNotAcknowledgeInTimeIsPassedOver(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let id = try await world.report(.complaint)
        let scheduler = CaseScheduler(database: world.db, clock: world.clock, holder: "a")
        world.clock.advance(seconds: 10 * 86_400)
        #expect(try await scheduler.sweep().escalated == 1)
        #expect(try await world.queries.find(id: id)?.level == .subdistrict)
        // One working hour to acknowledge; two days later nobody has.
        world.clock.advance(seconds: 2 * 86_400)
        #expect(try await scheduler.sweep().escalated == 1)
        let record = try #require(try await world.queries.find(id: id))
        #expect(record.level == .department && record.escalations == 2)
    }

    @Test(arguments: TestBackend.available)
    func concurrentSweepsClimbEachCaseOnce(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        var ids: [Int64] = []
        for _ in 0..<20 { ids.append(try await world.report()) }
        world.clock.advance(seconds: 10 * 86_400)
        let a = CaseScheduler(database: world.db, clock: world.clock, holder: "a")
        let b = CaseScheduler(database: world.db, clock: world.clock, holder: "b")
        async let first = a.sweep(batch: 3)
        async let second = b.sweep(batch: 3)
        let (x, y) = try await (first, second)
        #expect(x.escalated + y.escalated == 20)
        for id in ids { #expect(try await world.queries.find(id: id)?.escalations == 1) }
    }

    @Test(arguments: TestBackend.available)
    func oneInstanceHoldsTheSweepLeaseUntilItExpires(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let a = CaseScheduler(database: world.db, clock: world.clock, holder: "a", leaseSeconds: 120)
        let b = CaseScheduler(database: world.db, clock: world.clock, holder: "b", leaseSeconds: 120)
        #expect(try await a.acquireLease())
        #expect(try await !b.acquireLease())
        world.clock.advance(seconds: 60)
        #expect(try await a.acquireLease())
        world.clock.advance(seconds: 121)
        #expect(try await b.acquireLease())
        #expect(try await !a.acquireLease())
    }

    @Test(arguments: TestBackend.available)
    func aSuspendedCaseDoesNotClimbAndItsDeadlineMovesByTheExtension(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let id = try await world.report()
        try await world.apply([.accept, .register, .dispatch], id, by: world.steward)
        let due = try #require(try await world.queries.find(id: id)).dueAt
        // The grid worker, over the company, approves an extension.
        try await world.apply([.suspend], id, by: world.gridWorker)
        world.clock.advance(seconds: 10 * 86_400)
        #expect(try await CaseScheduler(database: world.db, clock: world.clock).sweep().escalated == 0)
        try await world.apply([.resume], id, by: world.steward)
        let record = try #require(try await world.queries.find(id: id))
        #expect(record.state == .dispatched && record.dueAt == due.addingTimeInterval(10 * 86_400))
    }

    @Test(arguments: TestBackend.available)
    func theWorkingCalendarComesFromTheStoredHolidays(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        try await world.db.write { sql in
            try await sql.raw("INSERT INTO calendar_days (day, working, note) VALUES ('2026-10-01', FALSE, '国庆节'), ('2026-10-10', TRUE, '调休')").run()
        }
        let calendar = try await world.store.workingCalendar()
        #expect(!calendar.isWorkingDay(CivilDate(year: 2026, month: 10, day: 1)!))
        #expect(calendar.isWorkingDay(CivilDate(year: 2026, month: 10, day: 10)!))
    }

    @Test(arguments: TestBackend.available)
    func reportsArrivingTogetherCommitTogetherEachAsItsOwnCase(backend: TestBackend) async throws {
        let world = try await CaseWorld.open(backend)
        defer { Task { await world.db.shutdown() } }
        let auditBefore = try await world.db.count("audit_log")
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for _ in 0..<120 { group.addTask { try await world.report() } }
            return try await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(Set(ids).count == 120 && ids.count == 120)
        #expect(try await world.db.count("cases") == 120)
        let firstEvents = try await world.db.read { sql in
            try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM case_events WHERE seq = 1 AND event = 'report'").first()?
                .decode(column: "n", as: Int64.self)
        }
        #expect(firstEvents == 120)
        #expect(try await world.db.count("audit_log") == auditBefore + 120)
        let verification = try await AuditLog(database: world.db).verify()
        #expect(verification.firstFault == nil)
    }
}
