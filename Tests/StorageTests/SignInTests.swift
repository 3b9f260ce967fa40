import Access
import Foundation
import Storage
import Testing
import WuyeCore

@Suite(.serialized)
struct SignInTests {
    private func setUp(_ backend: TestBackend, clock: ManualClock) async throws -> (WuyeDatabase, SignIn) {
        let db = try await backend.open()
        let accounts = AccountStore(database: db, hasher: quickHasher, clock: clock)
        for (mobile, name) in [("13812345678", "甲"), ("13912345678", "乙")] {
            try await accounts.create(NewAccount(mobile: mobile, name: name, password: "shinan2026", roles: [.platformAdministrator]),
                                      by: .command("test"))
        }
        return (db, SignIn(accounts: accounts))
    }

    @Test(arguments: TestBackend.available)
    func theRightPasswordOpensASessionThatLastsUntilIdle(backend: TestBackend) async throws {
        let clock = ManualClock()
        let (db, signIn) = try await setUp(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        let opened = try await signIn.signIn(mobile: "13812345678", password: "shinan2026", clientAddress: "10.0.0.1", requestID: "r1")
        let sessions = SessionStore(database: db, clock: clock)
        let session = try #require(try await sessions.current(token: opened.token))
        #expect(session.csrfToken == opened.csrfToken)
        #expect(try await sessions.current(token: opened.token + "x") == nil)
        clock.advance(seconds: Double(SessionStore.idleSeconds) - 10)
        #expect(try await sessions.current(token: opened.token) != nil)  // seen: the idle clock restarts
        clock.advance(seconds: Double(SessionStore.idleSeconds) + 1)
        #expect(try await sessions.current(token: opened.token) == nil)
        #expect(try await db.count("sessions") == 0)
    }

    @Test(arguments: TestBackend.available)
    func aSessionEndsAtItsLifetimeEvenWhenUsed(backend: TestBackend) async throws {
        let clock = ManualClock()
        let (db, signIn) = try await setUp(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        let opened = try await signIn.signIn(mobile: "13812345678", password: "shinan2026", clientAddress: nil, requestID: nil)
        let sessions = SessionStore(database: db, clock: clock)
        for _ in 0..<12 {
            clock.advance(seconds: 3600)
            _ = try await sessions.current(token: opened.token)
        }
        #expect(try await sessions.current(token: opened.token) == nil)
    }

    @Test(arguments: TestBackend.available)
    func wrongPasswordsAndUnknownNumbersFailAlike(backend: TestBackend) async throws {
        let clock = ManualClock()
        let (db, signIn) = try await setUp(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        for mobile in ["13812345678", "13700000000"] {
            let error = await #expect(throws: DomainError.self) {
                try await signIn.signIn(mobile: mobile, password: "wrong2026", clientAddress: "10.0.0.1", requestID: nil)
            }
            #expect(error == SignIn.failed)
        }
        #expect(try await db.count("sessions") == 0)
    }

    @Test(arguments: TestBackend.available)
    func fiveFailuresLockTheAccountEvenForTheRightPassword(backend: TestBackend) async throws {
        let clock = ManualClock()
        let (db, signIn) = try await setUp(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        var last: DomainError?
        for _ in 0..<5 {
            last = await #expect(throws: DomainError.self) {
                try await signIn.signIn(mobile: "13812345678", password: "wrong2026", clientAddress: "10.0.0.\(Int.random(in: 1...200))",
                                        requestID: nil)
            }
        }
        #expect(last == SignIn.locked)
        await #expect(throws: SignIn.locked) {
            try await signIn.signIn(mobile: "13812345678", password: "shinan2026", clientAddress: "10.9.9.9", requestID: nil)
        }
        // Another account is not affected; after the lock the right password works again.
        _ = try await signIn.signIn(mobile: "13912345678", password: "shinan2026", clientAddress: "10.9.9.9", requestID: nil)
        clock.advance(seconds: Double(SignInThrottle.perAccount.lockSeconds) + 1)
        _ = try await signIn.signIn(mobile: "13812345678", password: "shinan2026", clientAddress: "10.9.9.9", requestID: nil)
        #expect(try await AuditLog(database: db).entries(targetType: "sign_in").map(\.action) == ["session.lock_out"])
    }

    @Test(arguments: TestBackend.available)
    func oneAddressTryingManyAccountsIsLockedOut(backend: TestBackend) async throws {
        let clock = ManualClock()
        let (db, signIn) = try await setUp(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        for attempt in 0..<SignInThrottle.perAddress.limit {
            _ = await #expect(throws: DomainError.self) {
                try await signIn.signIn(mobile: "1370000\(String(format: "%04d", attempt))", password: "guess2026",
                                        clientAddress: "203.0.113.7", requestID: nil)
            }
        }
        await #expect(throws: SignIn.locked) {
            try await signIn.signIn(mobile: "13812345678", password: "shinan2026", clientAddress: "203.0.113.7", requestID: nil)
        }
        _ = try await signIn.signIn(mobile: "13812345678", password: "shinan2026", clientAddress: "198.51.100.1", requestID: nil)
    }

    @Test(arguments: TestBackend.available)
    func changingThePasswordEndsTheOtherSessions(backend: TestBackend) async throws {
        let clock = ManualClock()
        let (db, signIn) = try await setUp(backend, clock: clock)
        defer { Task { await db.shutdown() } }
        let here = try await signIn.signIn(mobile: "13812345678", password: "shinan2026", clientAddress: nil, requestID: nil)
        let elsewhere = try await signIn.signIn(mobile: "13812345678", password: "shinan2026", clientAddress: nil, requestID: nil)
        let sessions = SessionStore(database: db, clock: clock)
        let current = try #require(try await sessions.current(token: here.token))
        let accounts = signIn.accounts
        await #expect(throws: DomainError.self) {
            try await accounts.changePassword(accountID: current.accountID, current: "wrong2026", new: "laoshan2027",
                                              keepingSession: current.tokenHash, by: .command("test"))
        }
        try await accounts.changePassword(accountID: current.accountID, current: "shinan2026", new: "laoshan2027",
                                          keepingSession: current.tokenHash, by: .command("test"))
        #expect(try await sessions.current(token: here.token) != nil)
        #expect(try await sessions.current(token: elsewhere.token) == nil)
        _ = try await signIn.signIn(mobile: "13812345678", password: "laoshan2027", clientAddress: nil, requestID: nil)
    }
}

@Suite(.serialized)
struct APITokenTests {
    @Test(arguments: TestBackend.available)
    func aTokenActsForItsAccountUntilRevoked(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let accounts = AccountStore(database: db, hasher: quickHasher)
        let id = try await accounts.create(NewAccount(mobile: "13812345678", name: "甲", password: "shinan2026",
                                                      roles: [.platformAdministrator]), by: .command("test"))
        let roleID = try #require(try await accounts.roles(ofAccount: id).first?.id)
        let tokens = APITokenStore(database: db)
        let issued = try await tokens.issue(accountID: id, roleID: roleID, name: "12345 热线", by: .command("test"))
        #expect(issued.token.hasPrefix("wuye_"))
        #expect(try await tokens.resolve(issued.token)?.accountID == id)
        #expect(try await tokens.resolve(issued.token + "A") == nil)
        #expect(try await tokens.tokens(ofAccount: id).first?.lastUsedAt != nil)
        await #expect(throws: DomainError.self) { try await tokens.revoke(id: issued.id, accountID: id + 1, by: .command("test")) }
        try await tokens.revoke(id: issued.id, accountID: id, by: .command("test"))
        #expect(try await tokens.resolve(issued.token) == nil)
        await #expect(throws: DomainError.self) {
            try await tokens.issue(accountID: id, roleID: roleID + 100, name: "别人的角色", by: .command("test"))
        }
    }
}

@Suite(.serialized)
struct OwnerClaimsTests {
    static let nobodysID = "37020219850203123" + String(ResidentID.checkCharacter(forFirst17: "37020219850203123"))

    @Test(arguments: TestBackend.available)
    func aClaimMustMatchTheRegistry(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await db.importGoodRegistry()
        let claims = OwnerClaims(accounts: AccountStore(database: db, hasher: quickHasher), gateway: RecordingGateway())
        let cases: [(String, String, String, String)] = [
            ("李四", "370202199001011237", "13812345678", "claim_no_match"),       // name of another owner
            ("张三", "370202199001011238", "13812345678", "invalid_resident_id"),  // check digit wrong
            ("张三", Self.nobodysID, "13812345678", "claim_no_match"),             // valid ID, owns nothing here
            ("张三", "370202199001011237", "13900000000", "claim_phone_differs"),  // registry has another phone
        ]
        for (name, id, mobile, code) in cases {
            let error = await #expect(throws: DomainError.self) {
                try await claims.start(name: name, idNumber: id, mobile: mobile, requestID: nil)
            }
            #expect(error?.code == code, "\(name) \(id) \(mobile)")
        }
        #expect(try await db.count("one_time_codes") == 0)
    }

    @Test(arguments: TestBackend.available)
    func aWrongCodeCountsAndFiveSpendTheClaim(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await db.importGoodRegistry()
        let gateway = RecordingGateway()
        let claims = OwnerClaims(accounts: AccountStore(database: db, hasher: quickHasher), gateway: gateway)
        let claim = try await claims.start(name: "张三", idNumber: "370202199001011237", mobile: "13812345678", requestID: nil)
        let code = try #require(gateway.lastCode)
        let wrong = code == "000000" ? "111111" : "000000"
        for _ in 0..<5 {
            let error = await #expect(throws: DomainError.self) {
                try await claims.confirm(claimID: claim, code: wrong, password: "haiyi2026home", requestID: nil)
            }
            #expect(error?.code == "wrong_code")
        }
        let spent = await #expect(throws: DomainError.self) {
            try await claims.confirm(claimID: claim, code: code, password: "haiyi2026home", requestID: nil)
        }
        #expect(spent?.code == "code_expired")
        #expect(try await db.count("accounts") == 0)
    }

    @Test(arguments: TestBackend.available)
    func aCodeExpiresAfterTenMinutesAndAClaimIsUsedOnce(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await db.importGoodRegistry()
        let clock = ManualClock(Date())
        let gateway = RecordingGateway()
        let claims = OwnerClaims(accounts: AccountStore(database: db, hasher: quickHasher, clock: clock), gateway: gateway)
        let late = try await claims.start(name: "张三", idNumber: "370202199001011237", mobile: "13812345678", requestID: nil)
        let lateCode = try #require(gateway.lastCode)
        clock.advance(seconds: 601)
        await #expect(throws: DomainError.self) {
            try await claims.confirm(claimID: late, code: lateCode, password: "haiyi2026home", requestID: nil)
        }
        let claim = try await claims.start(name: "张三", idNumber: "370202199001011237", mobile: "13812345678", requestID: nil)
        let code = try #require(gateway.lastCode)
        _ = try await claims.confirm(claimID: claim, code: code, password: "haiyi2026home", requestID: nil)
        await #expect(throws: DomainError.self) {
            try await claims.confirm(claimID: claim, code: code, password: "haiyi2026home", requestID: nil)
        }
        let again = await #expect(throws: DomainError.self) {
            try await claims.start(name: "张三", idNumber: "370202199001011237", mobile: "13812345678", requestID: nil)
        }
        #expect(again?.code == "claim_taken")
        #expect(try await db.count("accounts") == 1)
    }
}
