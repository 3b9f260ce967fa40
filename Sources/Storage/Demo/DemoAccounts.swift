import Access
import Foundation
import SQLKit
import WuyeCore

/// One demo account per role, around the first compound that has a company, a grid and an owner
/// with a mobile number, so every portal has something to show. All share one password; this is
/// for the demo only and `wuye serve --demo` prints it.
public enum DemoAccounts {
    public static let password = "wuye-demo-2026"

    public struct Account: Sendable, Equatable {
        public let mobile: String
        public let name: String
        public let roles: [Role]
        public let portal: Portal
        public let what: String
        var ownerID: Int64? = nil
    }

    /// The demo's accounts as they are (or would be) stored.
    public static func plan(in database: WuyeDatabase, clock: any WuyeClock = SystemClock()) async throws -> [Account] {
        let today = CivilDate.inChina(clock.now()).text
        return try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT c.id, c.community_code, a.company_id, o.id AS owner_id, o.name AS owner_name, o.phone,
                       (SELECT MIN(gb.grid_id) FROM grid_buildings gb WHERE gb.compound_id = c.id) AS grid_id
                FROM compounds c
                JOIN service_arrangements a ON a.compound_id = c.id AND a.company_id IS NOT NULL
                     AND a.starts_on <= \(bind: today) AND (a.ends_on IS NULL OR a.ends_on > \(bind: today))
                JOIN ownerships s ON s.compound_id = c.id JOIN owners o ON o.id = s.owner_id
                WHERE o.kind = 'person' AND o.phone IS NOT NULL
                  AND EXISTS (SELECT 1 FROM grid_buildings gb WHERE gb.compound_id = c.id)
                ORDER BY c.id, s.home_id LIMIT 1
                """).first(),
                  let community = DivisionCode(rawValue: try row.decode(column: "community_code", as: String.self)),
                  let subdistrict = community.parent, let district = subdistrict.parent, let city = district.parent
            else { return [] }
            let compound = try row.decode(column: "id", as: Int64.self)
            let company = try row.decode(column: "company_id", as: Int64.self)
            let grid = try row.decode(column: "grid_id", as: Int64.self)
            let ownerName = try row.decode(column: "owner_name", as: String.self)
            func account(_ number: Int, _ name: String, _ roles: [Role], _ what: String) -> Account {
                Account(mobile: "1390000" + String(format: "%04d", number), name: name, roles: roles,
                        portal: roles[0].kind.portal, what: what)
            }
            return [
                // A memorable number rather than the registry's phone: it is typed by every newcomer.
                Account(mobile: "13900000000", name: ownerName, roles: [.owner(compound: compound, homes: [])], portal: .owner,
                        what: "业主：本人房屋与小区", ownerID: try row.decode(column: "owner_id", as: Int64.self)),
                account(1, "业委会主任演示", [try .committee(.committeeChair, compound: compound)], "业委会主任：本小区"),
                account(2, "业委会委员演示", [try .committee(.committeeMember, compound: compound)], "业委会委员：本小区"),
                account(3, "物业企业管理员演示", [try .company(.companyAdministrator, company: company)], "物业企业管理员：本企业服务的小区"),
                account(4, "项目经理演示", [try .company(.companyManager, company: company)], "项目经理"),
                account(5, "物业管家演示", [try .company(.steward, company: company)], "物业管家"),
                account(6, "网格员演示", [try .gridWorker(grid: grid, community: community)], "网格员：本网格"),
                account(7, "管家兼网格员演示", [try .company(.steward, company: company), try .gridWorker(grid: grid, community: community)],
                        "物业管家兼网格员"),
                account(8, "社区工作人员演示", [try .administration(community)], "社区：本社区"),
                account(9, "街道工作人员演示", [try .administration(subdistrict)], "街道：本街道"),
                account(10, "区住建局演示", [try .department(.housing, division: district)], "区住建局：本区"),
                account(11, "区级管理员演示", [try .administration(district)], "区：本区"),
                account(12, "市级管理员演示", [try .administration(city)], "市：全市，含审计日志"),
                account(13, "平台管理员演示", [.platformAdministrator], "平台管理员：账号与审计"),
            ]
        }
    }

    /// Creates the accounts that do not exist yet; returns the plan.
    @discardableResult
    public static func create(in database: WuyeDatabase, hasher: PasswordHasher = PasswordHasher(cost: 10),
                              clock: any WuyeClock = SystemClock()) async throws -> [Account] {
        let accounts = try await plan(in: database, clock: clock)
        guard !accounts.isEmpty else { return [] }
        let store = AccountStore(database: database, hasher: hasher, clock: clock)
        // One hash for all: hashing each at bcrypt's cost would slow every demo start for nothing.
        let hash = try await hasher.hash(password)
        try await database.write { sql in
            for account in accounts {
                if try await sql.raw("SELECT id FROM accounts WHERE mobile = \(bind: account.mobile)").first() != nil { continue }
                _ = try await store.insert(.init(mobile: account.mobile, name: account.name, passwordHash: hash,
                                                 ownerID: account.ownerID,
                                                 roles: account.roles),
                                           by: .command("demo"), sql: sql)
            }
        }
        return accounts
    }
}
