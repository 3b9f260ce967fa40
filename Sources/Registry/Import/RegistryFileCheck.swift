import WuyeCore

/// The checks that need the whole file: one home has one area and one delivery state on every
/// row, one compound one type, one division code one name, one ID number one name, and no owner
/// listed twice for the same home. Keys are packed into integers and small strings so a
/// city-sized file (2.8M rows) is checked in a few hundred MB.
public struct RegistryFileCheck {
    private struct HomeSlot: Hashable {
        var compound: Int32
        var key: String  // "building␟unit␟home": short enough to stay inline in the String
    }
    private struct HomeSeen {
        var index: Int32
        var line: Int32
        var area: Int64
        var delivered: Bool
        /// The first owner listed for the home (-1: none yet). Most homes have one owner, so only
        /// co-owners go into `coOwnerPairs`, a much smaller table.
        var firstOwner: Int32
    }
    private struct OwnerSlot: Hashable {
        var high: UInt64
        var low: UInt64
    }
    private struct OwnerSeen {
        var index: Int32
        var line: Int32
        var name: String  // a Chinese name of up to five characters stays inline in the String
    }

    private var compounds: [CompoundKey: (index: Int32, type: CompoundType, line: Int)] = [:]
    private var divisionNames: [DivisionCode: (name: String, line: Int)] = [:]
    private var homes: [HomeSlot: HomeSeen] = [:]
    private var owners: [OwnerSlot: OwnerSeen] = [:]
    /// (home, owner) pairs beyond each home's first owner.
    private var coOwnerPairs: Set<UInt64> = []
    /// The previous row's divisions and compound: rows come grouped by compound, so most rows
    /// repeat them and need no look-up.
    private var previousDivisions: [NamedDivision] = []
    private var previousCompound: (key: CompoundKey, type: CompoundType, index: Int32)?
    private let header: RegistryHeader

    /// `expectedRows` sizes the tables up front (growing them rehashes millions of keys).
    public init(header: RegistryHeader, expectedRows: Int = 0) {
        self.header = header
        homes.reserveCapacity(expectedRows)
        owners.reserveCapacity(expectedRows)
    }

    public var homeCount: Int { homes.count }
    public var ownerCount: Int { owners.count }

    /// Records a valid row and returns what it contradicts in the rows before it.
    public mutating func add(_ row: RegistryRow) -> [RegistryIssue] {
        var issues: [RegistryIssue] = []
        func issue(_ column: RegistryColumn, _ message: String, _ english: String, _ code: String) {
            issues.append(RegistryIssue(line: row.line, column: header.name(of: column),
                                        reason: "\(message) (\(english))", code: code))
        }
        // A row repeating the previous consistent row's divisions or compound agrees with the
        // file so far; anything else is looked up, so every contradicting row is still reported.
        let divisions = [row.district, row.subdistrict, row.community]
        if divisions != previousDivisions {
            let before = issues.count
            for (division, column) in zip(divisions, [RegistryColumn.districtName, .subdistrictName, .communityName]) {
                if let seen = divisionNames[division.code] {
                    if seen.name != division.name {
                        issue(column, "代码 \(division.code) 的名称与第 \(seen.line) 行“\(seen.name)”不同",
                              "differs from line \(seen.line) for code \(division.code)", "inconsistent_division_name")
                    }
                } else {
                    divisionNames[division.code] = (division.name, row.line)
                }
            }
            previousDivisions = issues.count == before ? divisions : []
        }

        let compoundIndex: Int32
        if let previous = previousCompound, previous.key == row.compoundKey, previous.type == row.compoundType {
            compoundIndex = previous.index
        } else if let seen = compounds[row.compoundKey] {
            compoundIndex = seen.index
            if seen.type != row.compoundType {
                issue(.compoundType, "同一小区的类型与第 \(seen.line) 行不同",
                      "differs from line \(seen.line) for the same compound", "inconsistent_compound_type")
            } else {
                previousCompound = (row.compoundKey, row.compoundType, compoundIndex)
            }
        } else {
            compoundIndex = Int32(compounds.count)
            compounds[row.compoundKey] = (compoundIndex, row.compoundType, row.line)
            previousCompound = (row.compoundKey, row.compoundType, compoundIndex)
        }

        // The owner first, so a new home is stored with its first owner in one write.
        var owner: (index: Int32, seen: OwnerSeen, isNew: Bool)?
        if let listed = row.owner {
            let newOwner = OwnerSeen(index: Int32(owners.count), line: Int32(row.line), name: listed.name)
            let (seen, isNew) = owners.entry(Self.pack(listed.identifier.rawValue), inserting: newOwner)
            owner = (seen.index, seen, isNew)
        }

        let slot = HomeSlot(compound: compoundIndex, key: "\(row.building)\u{1F}\(row.unit)\u{1F}\(row.home)")
        let newHome = HomeSeen(index: Int32(homes.count), line: Int32(row.line), area: row.area.rawValue,
                               delivered: row.delivered, firstOwner: owner?.index ?? -1)
        let (seen, newlySeen) = homes.entry(slot, inserting: newHome)
        if !newlySeen {
            if seen.area != row.area.rawValue {
                issue(.areaM2, "同一房屋的面积与第 \(seen.line) 行不同",
                      "differs from line \(seen.line) for the same home", "inconsistent_area")
            }
            if seen.delivered != row.delivered {
                issue(.delivered, "同一房屋的交付状态与第 \(seen.line) 行不同",
                      "differs from line \(seen.line) for the same home", "inconsistent_delivered")
            }
        }

        if let owner, let listed = row.owner {
            if !owner.isNew, owner.seen.name != listed.name {
                issue(.ownerName, "同一证件号码的姓名与第 \(owner.seen.line) 行不同",
                      "differs from line \(owner.seen.line) for the same ID number", "inconsistent_owner_name")
            }
            let pair = UInt64(UInt32(bitPattern: seen.index)) << 32 | UInt64(UInt32(bitPattern: owner.index))
            if !newlySeen, seen.firstOwner == owner.index || !coOwnerPairs.insert(pair).inserted {
                issue(.ownerIDNumber, "同一房屋重复列出同一业主", "the same owner is listed twice for this home",
                      "duplicate_owner")
            }
        }
        return issues
    }

    /// Packs an 18-character ID (digits and capitals) exactly into two base-36 integers.
    private static func pack(_ id: String) -> OwnerSlot {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var offset = 0
        for byte in id.utf8 {
            let digit: UInt64 = byte <= UInt8(ascii: "9") ? UInt64(byte &- UInt8(ascii: "0"))
                : UInt64(byte &- UInt8(ascii: "A")) &+ 10
            if offset < 9 { high = high &* 36 &+ digit } else { low = low &* 36 &+ digit }
            offset += 1
        }
        return OwnerSlot(high: high, low: low)
    }
}
