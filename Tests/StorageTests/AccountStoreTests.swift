import Access
import Foundation
import Storage
import Testing
import WuyeCore

@Suite(.serialized)
struct AccountStoreTests {
    @Test(arguments: TestBackend.available)
    func aCreatedAccountSignsInAndItsCreationIsAudited(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let store = AccountStore(database: db, hasher: quickHasher)
        let id = try await store.create(NewAccount(mobile: "138 1234 5678", name: " 王主任 ", password: "shinan2026",
                                                   roles: [.platformAdministrator]), by: .command("test"))
        let record = try #require(try await store.account(mobile: "13812345678"))
        #expect(record.id == id)
        #expect(record.name == "王主任")
        #expect(record.passwordHash.hasPrefix("$2"))
        #expect(!record.passwordHash.contains("shinan2026"))
        let principal = try #require(try await store.principal(accountID: id))
        #expect(principal.roles == [.platformAdministrator])
        let entry = try #require(try await AuditLog(database: db).entries(targetType: "account", targetID: String(id)).first)
        #expect(entry.action == "account.create")
        #expect(entry.after?.contains("138****5678") == true)
        #expect(entry.after?.contains("13812345678") == false)
    }

    @Test(arguments: TestBackend.available)
    func badAccountsAreRefusedNamingTheFieldAndWriteNothing(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let store = AccountStore(database: db, hasher: quickHasher)
        try await store.create(NewAccount(mobile: "13812345678", name: "甲", password: "shinan2026", roles: [.platformAdministrator]),
                               by: .command("test"))
        let cases: [(NewAccount, String)] = [
            (NewAccount(mobile: "12345", name: "乙", password: "shinan2026", roles: [.platformAdministrator]), "mobile"),
            (NewAccount(mobile: "13912345678", name: "", password: "shinan2026", roles: [.platformAdministrator]), "name"),
            (NewAccount(mobile: "13912345678", name: "乙", password: "short1", roles: [.platformAdministrator]), "password"),
            (NewAccount(mobile: "13912345678", name: "乙", password: "shinan2026", roles: []), "role"),
            (NewAccount(mobile: "13812345678", name: "乙", password: "shinan2026", roles: [.platformAdministrator]), "mobile"),
        ]
        for (account, field) in cases {
            let error = await #expect(throws: DomainError.self) { try await store.create(account, by: .command("test")) }
            #expect(error?.field == field, "\(account.mobile) \(account.name)")
        }
        #expect(try await db.count("accounts") == 1)
        #expect(try await db.count("audit_log") == 1)
    }

    @Test(arguments: TestBackend.available)
    func anOwnersRolesCarryTheHomesTheRegistryListsForThem(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await db.importGoodRegistry()
        let gateway = RecordingGateway()
        let claims = OwnerClaims(accounts: AccountStore(database: db, hasher: quickHasher), gateway: gateway)
        let claim = try await claims.start(name: "张三", idNumber: "370202199001011237", mobile: "13812345678", requestID: nil)
        let id = try await claims.confirm(claimID: claim, code: try #require(gateway.lastCode), password: "haiyi2026home",
                                          requestID: nil)
        let principal = try #require(try await AccountStore(database: db).principal(accountID: id))
        #expect(principal.roles.count == 1)
        #expect(principal.roles[0].kind == .owner)
        #expect(principal.roles[0].homeIDs.count == 2)  // 1-1-101 (co-owned) and 1-2-201
    }

    @Test(arguments: TestBackend.available)
    func aSecondRoleIsGrantedOnceAndAudited(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await db.importGoodRegistry()
        let store = AccountStore(database: db, hasher: quickHasher)
        let shinan = try DivisionCode("370202")
        let id = try await store.create(NewAccount(mobile: "13812345678", name: "甲", password: "shinan2026",
                                                   roles: [try .administration(shinan)]), by: .command("test"))
        try await store.grant(.platformAdministrator, to: id, by: .command("test"))
        await #expect(throws: DomainError.self) { try await store.grant(.platformAdministrator, to: id, by: .command("test")) }
        #expect(try await store.principal(accountID: id)?.roles.count == 2)
        #expect(try await AuditLog(database: db).entries(targetType: "account", targetID: String(id)).map(\.action)
                == ["account.grant_role", "account.create"])
    }

    @Test(arguments: TestBackend.available)
    func aRevokedRoleStopsAtOnceAndTakesItsTokensWithIt(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await db.importGoodRegistry()
        let store = AccountStore(database: db, hasher: quickHasher)
        let id = try await store.create(NewAccount(mobile: "13812345678", name: "甲", password: "shinan2026",
                                                   roles: [try .administration(try DivisionCode("370202")), .platformAdministrator]),
                                        by: .command("test"))
        let held = try await store.roles(ofAccount: id)
        let tokens = APITokenStore(database: db)
        let issued = try await tokens.issue(accountID: id, roleID: held[1].id, name: "集成", by: .command("test"))
        try await store.revoke(roleID: held[1].id, ofAccount: id, by: .command("test"))
        #expect(try await store.principal(accountID: id)?.roles.map(\.kind) == [.administrationStaff])
        #expect(try await tokens.resolve(issued.token) == nil)
        await #expect(throws: DomainError.self) { try await store.revoke(roleID: held[1].id, ofAccount: id, by: .command("test")) }
        #expect(try await AuditLog(database: db).entries(targetType: "account", targetID: String(id)).first?.action
                == "account.revoke_role")
    }
}
