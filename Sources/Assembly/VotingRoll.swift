/// One home as the registry holds it on a meeting's record date.
public struct Holding: Sendable, Equatable {
    public let homeID: Int64
    /// Exclusive area, 0.01 m² (Interp. Art. 8: the registered area).
    public let area: Int64
    /// False while the developer still holds the home (unsold, or sold but not delivered).
    public let delivered: Bool
    /// Stable keys of the registered owners (their ID numbers); empty when none is registered.
    public let owners: [String]

    public init(homeID: Int64, area: Int64, delivered: Bool, owners: [String]) {
        self.homeID = homeID
        self.area = area
        self.delivered = delivered
        self.owners = owners
    }
}

/// One voting right: one headcount, with the area of every home it covers.
public struct VotingRight: Codable, Equatable, Sendable {
    public enum Holder: String, Codable, Sendable {
        /// One owner, or owners tied together by co-owning homes.
        case owners
        /// Every home the developer still holds, together (Interp. Art. 9).
        case developer
        /// A delivered home with no owner in the registry: still one exclusive part, one headcount.
        case unregistered
    }

    public let id: Int
    public let holder: Holder
    public let homeIDs: [Int64]
    public let area: Int64

    public init(id: Int, holder: Holder, homeIDs: [Int64], area: Int64) {
        self.id = id
        self.holder = holder
        self.homeIDs = homeIDs
        self.area = area
    }

    enum CodingKeys: String, CodingKey {
        case id, holder, homeIDs = "home_ids", area = "area_centi"
    }
}

/// The voting rights of a compound fixed at a record date, counted as the law says (Interp. Art. 9;
/// Shandong Art. 25(1); Qingdao Art. 17 para 4): one home, one headcount; a buyer of several homes
/// counts once with their areas summed; all the developer's homes count once; co-owners share one
/// right. Owners tied by co-ownership (A owns home 1, A and B own home 2) are one right: A counts once
/// and home 2's co-owners share one vote, so both homes fall to the same right.
public struct VotingRoll: Sendable, Equatable {
    public let rights: [VotingRight]
    public let totals: VoteTotals
    /// Which right each owner (by key) votes with.
    public let rightOfOwner: [String: Int]

    public init(holdings: [Holding]) {
        var parent: [String: String] = [:]
        func root(_ key: String) -> String {
            var node = key
            while let up = parent[node], up != node { node = up }
            var walk = key
            while let up = parent[walk], up != node { parent[walk] = node; walk = up }
            return node
        }
        for holding in holdings where holding.delivered {
            for owner in holding.owners where parent[owner] == nil { parent[owner] = owner }
            if let first = holding.owners.first {
                for other in holding.owners.dropFirst() {
                    let a = root(first), b = root(other)
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
            }
        }
        var groups: [String: [Holding]] = [:]
        var order: [String] = []
        for holding in holdings.sorted(by: { $0.homeID < $1.homeID }) {
            let key: String
            if !holding.delivered { key = "developer" }
            else if let first = holding.owners.first { key = "owners:" + root(first) }
            else { key = "home:\(holding.homeID)" }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(holding)
        }
        var rights: [VotingRight] = []
        var rightOfOwner: [String: Int] = [:]
        for (index, key) in order.enumerated() {
            let homes = groups[key]!
            let holder: VotingRight.Holder = key == "developer" ? .developer : key.hasPrefix("home:") ? .unregistered : .owners
            rights.append(VotingRight(id: index + 1, holder: holder, homeIDs: homes.map(\.homeID),
                                      area: homes.reduce(0) { $0 + $1.area }))
            if holder == .owners { for owner in homes.flatMap(\.owners) { rightOfOwner[owner] = index + 1 } }
        }
        self.rights = rights
        self.rightOfOwner = rightOfOwner
        totals = VoteTotals(area: rights.reduce(0) { $0 + $1.area }, headcount: Int64(rights.count))
    }

    /// The right an owner (by ID number) votes with, or nil if they hold none here.
    public func right(ofOwner key: String) -> VotingRight? {
        rightOfOwner[key].map { rights[$0 - 1] }
    }

    public func right(id: Int) -> VotingRight? {
        rights.indices.contains(id - 1) ? rights[id - 1] : nil
    }
}
