/// The account a request acts for, with the roles it holds (a bearer token acts with one role only).
public struct Principal: Sendable, Equatable {
    public let accountID: Int64
    public let name: String
    public let mobile: String
    public let roles: [Role]

    public init(accountID: Int64, name: String, mobile: String, roles: [Role]) {
        self.accountID = accountID
        self.name = name
        self.mobile = mobile
        self.roles = roles
    }

    public var portals: [Portal] {
        Portal.allCases.filter { portal in roles.contains { $0.kind.portal == portal } }
    }

    public func roles(in portal: Portal) -> [Role] { roles.filter { $0.kind.portal == portal } }

    /// Could any of the account's roles do `action` somewhere (what its menu offers)?
    public func mayEver(_ action: Action) -> Bool {
        roles.contains { AccessPolicy.mayEver($0, action) }
    }

    public func decide(_ action: Action, at place: Place) -> AccessDecision {
        AccessPolicy.decide(action, at: place, roles: roles)
    }
}
