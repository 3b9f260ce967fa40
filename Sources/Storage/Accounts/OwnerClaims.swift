import Access
import Foundation
import SQLKit
import WuyeCore

/// An owner signs up by claiming their homes: name and ID number as the registry holds them, then
/// a one-time code sent to their mobile. The account gets an owner role for each compound in which
/// the registry lists them as owner.
public struct OwnerClaims: Sendable {
    public let accounts: AccountStore
    public let gateway: any MessageGateway
    var database: WuyeDatabase { accounts.database }
    var clock: any WuyeClock { accounts.clock }

    static let codeSeconds: Int64 = 10 * 60
    static let maximumAttempts: Int64 = 5
    static let codesPerHour: Int64 = 5

    public init(accounts: AccountStore, gateway: any MessageGateway) {
        self.accounts = accounts
        self.gateway = gateway
    }

    static let noMatch = DomainError(code: "claim_no_match", message: "姓名、证件号码与房屋登记不一致，请核对或联系社区",
                                     english: "name and ID number do not match the registry", field: "id_number")

    /// Step 1: checks the claim against the registry and sends a code. Returns the claim's id.
    public func start(name raw: String, idNumber: String, mobile rawMobile: String, requestID: String?) async throws -> Int64 {
        let mobile = try AccountStore.validMobile(rawMobile)
        let name = raw.trimmedWhitespace
        let identifier: OwnerIdentifier
        do throws(DomainError) { identifier = try OwnerIdentifier(idNumber.trimmedWhitespace, today: clock.now()) } catch {
            throw error.on(field: "id_number")
        }
        guard identifier.isPerson else {
            throw DomainError(code: "claim_organisation", message: "单位业主请由社区为其开通账号",
                              english: "organisations are given accounts by their community", field: "id_number")
        }
        let now = Int64(clock.now().timeIntervalSince1970)
        let code = Secret.digits()
        let id = try await database.write { sql in
            guard let owner = try await sql.raw("""
                SELECT o.id, o.name, o.phone FROM owners o WHERE o.id_number = \(bind: identifier.rawValue)
                AND EXISTS (SELECT 1 FROM ownerships s WHERE s.owner_id = o.id)
                """).first(), try owner.decode(column: "name", as: String.self) == name else { throw Self.noMatch }
            let ownerID = try owner.decode(column: "id", as: Int64.self)
            if let phone = try owner.decode(column: "phone", as: String?.self), phone != mobile {
                throw DomainError(code: "claim_phone_differs", message: "手机号与房屋登记不一致，请联系物业或社区更新登记",
                                  english: "the mobile number differs from the registry's", field: "mobile")
            }
            if try await sql.raw("SELECT id FROM accounts WHERE owner_id = \(bind: ownerID)").first() != nil {
                throw DomainError(code: "claim_taken", message: "该业主已开通账号，请直接登录",
                                  english: "this owner already has an account", field: "id_number")
            }
            if try await sql.raw("SELECT id FROM accounts WHERE mobile = \(bind: mobile)").first() != nil {
                throw AccountStore.mobileTaken
            }
            let recent = try await sql.raw("""
                SELECT CAST(COUNT(*) AS BIGINT) AS n FROM one_time_codes WHERE mobile = \(bind: mobile)
                AND created_at > \(bind: now - 3600)
                """).first()?.decode(column: "n", as: Int64.self) ?? 0
            guard recent < Self.codesPerHour else {
                throw DomainError(code: "too_many_codes", message: "验证码发送过于频繁，请一小时后再试",
                                  english: "too many codes sent; try again in an hour", field: "mobile")
            }
            guard let row = try await sql.raw("""
                INSERT INTO one_time_codes (purpose, mobile, code_hash, owner_id, name, created_at, expires_at)
                VALUES ('owner_claim', \(bind: mobile), \(bind: Self.digest(code, mobile: mobile)), \(bind: ownerID), \(bind: name),
                        \(bind: now), \(bind: now + Self.codeSeconds))
                RETURNING id
                """).first() else { throw Self.noMatch }
            let id = try row.decode(column: "id", as: Int64.self)
            try await AuditLog.append(AuditChange(action: "owner_claim.start", targetType: "owner", targetID: String(ownerID),
                                                  after: ["mobile": (try? PhoneNumber(mobile).masked) ?? "****"]),
                                      by: AuditActor(accountID: nil, label: "owner claim", requestID: requestID),
                                      at: clock.now(), sql: sql)
            return id
        }
        try await gateway.send(to: mobile, text: "【物业平台】您的验证码为 \(code)，10 分钟内有效。如非本人操作请忽略。")
        return id
    }

    /// Step 2: checks the code and creates the owner's account. Returns the account id.
    public func confirm(claimID: Int64, code: String, password: String, requestID: String?) async throws -> Int64 {
        let now = Int64(clock.now().timeIntervalSince1970)
        let claim = try await database.read { sql in
            try await sql.raw("""
                SELECT mobile, code_hash, owner_id, name, expires_at, attempts, used_at FROM one_time_codes
                WHERE id = \(bind: claimID) AND purpose = 'owner_claim'
                """).first()
        }
        guard let claim, try claim.decode(column: "used_at", as: Int64?.self) == nil,
              try claim.decode(column: "expires_at", as: Int64.self) > now,
              try claim.decode(column: "attempts", as: Int64.self) < Self.maximumAttempts else {
            throw DomainError(code: "code_expired", message: "验证码已失效，请重新获取", english: "the code has expired", field: "code")
        }
        let mobile = try claim.decode(column: "mobile", as: String.self)
        guard Secret.equal(Self.digest(code.trimmedWhitespace, mobile: mobile), try claim.decode(column: "code_hash", as: String.self)) else {
            try await database.write { sql in
                try await sql.raw("UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = \(bind: claimID)").run()
            }
            throw DomainError(code: "wrong_code", message: "验证码不正确", english: "wrong code", field: "code")
        }
        let ownerID = try claim.decode(column: "owner_id", as: Int64.self)
        let compounds = try await database.read { sql in
            try await sql.raw("SELECT DISTINCT compound_id FROM ownerships WHERE owner_id = \(bind: ownerID) ORDER BY compound_id")
                .all().map { try $0.decode(column: "compound_id", as: Int64.self) }
        }
        let account = try await accounts.validated(NewAccount(
            mobile: mobile, name: try claim.decode(column: "name", as: String.self), password: password, ownerID: ownerID,
            roles: compounds.map { Role.owner(compound: $0, homes: []) }))
        return try await database.write { sql in
            // The claim is spent in the same transaction that creates the account: used once only.
            try await sql.raw("""
                UPDATE one_time_codes SET used_at = \(bind: now) WHERE id = \(bind: claimID) AND used_at IS NULL
                """).run()
            return try await accounts.insert(account, by: AuditActor(accountID: nil, label: "owner claim", requestID: requestID),
                                             sql: sql)
        }
    }

    static func digest(_ code: String, mobile: String) -> String { Secret.digest("\(mobile):\(code)") }
}
