import Registry
import Testing
import WuyeCore

/// Re-parses every identifier of `rows` with WuyeCore's validating initialisers and returns
/// each identifier with the names it appeared under.
private func revalidate(_ rows: [RegistryRow]) throws -> [String: Set<String>] {
    var namesByIdentifier: [String: Set<String>] = [:]
    for row in rows {
        guard let owner = row.owner else { continue }
        let raw = owner.identifier.rawValue
        switch owner.identifier {
        case .person(let id):
            #expect(try ResidentID(id.rawValue) == id)
            // GB 11643: the address code is the home's district.
            #expect(raw.hasPrefix(row.district.code.rawValue))
            let year = Int(raw.dropFirst(6).prefix(4)) ?? 0
            #expect((1940...2004).contains(year), "birth year of \(raw)")
        case .organisation(let code):
            #expect(try CreditCode(code.rawValue) == code)
            #expect(row.compoundType == .commercial, "firms own offices, not flats: \(raw)")
        }
        #expect(try OwnerIdentifier(raw) == owner.identifier)
        if let phone = owner.phone {
            #expect(try PhoneNumber(phone.rawValue) == phone)
            let digits = Array(phone.rawValue.utf8)
            // MIIT numbering plan: 1[3-9] and nine more digits.
            #expect(digits.count == 11 && digits[0] == UInt8(ascii: "1"))
            #expect((UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1]))
        }
        #expect(!owner.name.isEmpty)
        namesByIdentifier[raw, default: []].insert(owner.name)
    }
    return namesByIdentifier
}

@Test func everySmallCityIdentifierRevalidatesAndNamesOneOwner() throws {
    let city = DemoFixtures.small
    let owners = try revalidate(DemoFixtures.allRows(city))
    // One identifier, one owner: never two people under one number.
    #expect(owners.values.allSatisfy { $0.count == 1 })
    #expect(owners.count == city.totals.distinctOwners)
    let organisations = Set(DemoFixtures.allRows(city).compactMap { row in
        row.owner.flatMap { $0.identifier.isPerson ? nil : $0.identifier }
    })
    #expect(organisations.count == city.totals.organisationOwners)
    #expect(city.totals.organisationOwners > 0)
}

@Test func sampledCityIdentifiersRevalidateAndNeverRepeatAcrossCompounds() throws {
    let city = DemoFixtures.city
    var compoundOf: [String: Int] = [:]
    for compound in DemoFixtures.citySample {
        let owners = try revalidate(city.rows(of: compound))
        #expect(owners.values.allSatisfy { $0.count == 1 })
        for id in owners.keys {
            let previous = compoundOf.updateValue(compound.index, forKey: id)
            #expect(previous == nil, "\(id) owns homes in compounds \(previous ?? -1) and \(compound.index)")
        }
    }
    #expect(compoundOf.count > 10_000)
}

@Test func propertyCompanyCreditCodesAndNamesAreValidAndUnique() throws {
    for city in [DemoFixtures.small, DemoFixtures.city] {
        let companies = city.propertyCompanies
        for company in companies {
            #expect(try CreditCode(company.creditCode.rawValue) == company.creditCode)
            #expect(company.name.hasSuffix("物业服务有限公司") || company.name.hasSuffix("物业管理有限公司"))
            #expect(company.name.hasPrefix("青岛") || company.name.hasPrefix("济南"))
        }
        #expect(Set(companies.map(\.creditCode)).count == companies.count)
        #expect(Set(companies.map(\.name)).count == companies.count)
    }
    #expect(DemoFixtures.city.propertyCompanies.count == 1_000)
}

@Test func ownerNamesUseCommonSurnamesAndShortGivenNames() {
    var surnames: [String: Int] = [:]
    for row in DemoFixtures.allRows(DemoFixtures.small) {
        guard let owner = row.owner, owner.identifier.isPerson else { continue }
        #expect((2...4).contains(owner.name.count), "\(owner.name)")
        surnames[String(owner.name.prefix(1)), default: 0] += 1
    }
    // The commonest surnames lead, as in any Chinese registry.
    let top = surnames.sorted { $0.value > $1.value }.prefix(5).map(\.key)
    #expect(top.contains("王") && top.contains("李") && top.contains("张"))
}
