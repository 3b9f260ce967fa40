import Access

/// An account as stored.
public struct AccountRecord: Sendable, Equatable {
    public let id: Int64
    public let mobile: String
    public let name: String
    public let passwordHash: String
    public let ownerID: Int64?
    public let active: Bool
}

/// An account as listed to the administrator who manages it.
public struct AccountSummary: Sendable, Codable, Equatable {
    public let id: Int64
    public let mobile: String
    public let name: String
    public let active: Bool
    public let roles: [RoleSummary]
    public let createdAt: String
}

public struct RoleSummary: Sendable, Codable, Equatable {
    public let id: Int64
    public let kind: String
    public let kindName: String
    public let compoundID: Int64?
    public let companyID: Int64?
    public let gridID: Int64?
    public let divisionCode: String?
    public let department: String?
}

/// What a new account is made of.
public struct NewAccount: Sendable {
    public let mobile: String
    public let name: String
    public let password: String
    public let ownerID: Int64?
    public let roles: [Role]

    public init(mobile: String, name: String, password: String, ownerID: Int64? = nil, roles: [Role]) {
        self.mobile = mobile
        self.name = name
        self.password = password
        self.ownerID = ownerID
        self.roles = roles
    }
}
