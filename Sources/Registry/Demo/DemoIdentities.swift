import WuyeCore

/// Names, identifiers and phones of demo owners, derived from their city-wide index alone.
///
/// Deriving everything from (seed, index) keeps a compound regenerable on its own, and makes
/// the identifiers unique by construction: the index is mapped one-to-one onto (birth date,
/// sequence) pairs, so no two owners can share a resident ID.
struct DemoIdentities {
    let seed: UInt64

    /// GB 11643 birth dates used: 1940-01-01 through 2004-12-31 (adults in any year the demo is run).
    static let firstBirthOrdinal = DemoCalendar.ordinal(year: 1940, month: 1, day: 1)
    static let birthDays = DemoCalendar.ordinal(year: 2005, month: 1, day: 1) - firstBirthOrdinal
    /// Every (birth day, sequence 001–999) pair: room for 23.7 million people per address code.
    static let slots = birthDays * 999
    /// Coprime with `slots` (a prime not dividing 2·3⁵·37·1319), so index → slot is a bijection
    /// that scatters neighbours' birthdays instead of giving a compound consecutive ones.
    static let multiplier = 10_000_019

    /// A person's resident ID under `addressCode` (the home's district code) and their sex.
    func resident(person: Int, addressCode: String) -> (id: ResidentID, isMale: Bool) {
        precondition(person >= 0 && person < Self.slots, "person index out of the identity space")
        let offset = Int(DemoRandom.hash(seed: seed, stream: .identities, index: 0) % UInt64(Self.slots))
        let slot = (person * Self.multiplier + offset) % Self.slots
        let birth = DemoCalendar.day(ordinal: Self.firstBirthOrdinal + slot % Self.birthDays)
        let sequence = slot / Self.birthDays + 1
        let id = ResidentID.make(
            addressCode: addressCode, year: birth.year, month: birth.month, day: birth.day, sequence: sequence)
        // GB 11643-1999: an odd sequence code is a man.
        return (id, sequence % 2 == 1)
    }

    /// A weighted-surname name with a one- or two-character given name matching the sex.
    func personName(person: Int, isMale: Bool) -> String {
        var hash = DemoRandom.hash(seed: seed, stream: .names, index: person)
        var pick = hash.demoBelow(DemoNames.surnameWeightTotal)
        var surname = DemoNames.surnames[0].name
        for entry in DemoNames.surnames {
            if pick < entry.weight {
                surname = entry.name
                break
            }
            pick -= entry.weight
        }
        let given = isMale ? DemoNames.maleGiven : DemoNames.femaleGiven
        hash = DemoRandom.mix(hash)
        let first = given[hash.demoBelow(given.count)]
        hash = DemoRandom.mix(hash)
        // About three in ten modern given names are a single character.
        guard hash.demoBelow(10) >= 3 else { return surname + first }
        hash = DemoRandom.mix(hash)
        return surname + first + given[hash.demoBelow(given.count)]
    }

    /// A mobile number for about 95 % of owners; the rest left the field empty.
    func phone(owner: Int, organisation: Bool) -> PhoneNumber? {
        let hash = DemoRandom.hash(seed: seed, stream: .phones, index: organisation ? -1 - owner : owner)
        guard hash % 100 >= 5 else { return nil }
        // demoBelow reads the high bits, so the block comes from a re-mixed hash, not a shifted one.
        let prefix = DemoNames.mobilePrefixes[DemoRandom.mix(hash).demoBelow(DemoNames.mobilePrefixes.count)]
        var rest = Int((hash >> 24) % 100_000_000)
        var bytes = [UInt8](repeating: 48, count: 11)
        bytes[0] = UInt8(48 + prefix / 100)
        bytes[1] = UInt8(48 + prefix / 10 % 10)
        bytes[2] = UInt8(48 + prefix % 10)
        for position in stride(from: 10, through: 3, by: -1) {
            bytes[position] = UInt8(48 + rest % 10)
            rest /= 10
        }
        // The digits are built to the mobile format, so parsing cannot fail; parsing anyway keeps
        // PhoneNumber's invariant owned by PhoneNumber.
        return try? PhoneNumber(String(decoding: bytes, as: UTF8.self))
    }

    /// An organisation owner (a firm renting out or using offices) registered in `districtCode`.
    func organisation(_ index: Int, districtCode: String) -> (name: String, code: CreditCode) {
        let words = DemoNames.companyWords.count
        let trades = DemoNames.trades.count
        let combinations = DemoNames.placeWords.count * words * trades
        // A bijection over the combinations (the multiplier is coprime with their count) keeps
        // names unique until they run out; after that a branch suffix keeps them apart.
        let mixed = (index % combinations) * 7_919 % combinations
        let place = DemoNames.placeWords[mixed / (words * trades)]
        let word = DemoNames.companyWords[mixed / trades % words]
        let trade = DemoNames.trades[mixed % trades]
        let round = index / combinations
        let branch = round == 0 ? "" : "第\(round + 1)分公司"
        let name = DemoNames.cityName(ofDivision: districtCode) + place + word + trade + "有限公司" + branch
        // GB 32100: 9 = registered by market regulation, 1 = company, then the district; the
        // organisation code body "MB" + index keeps owners apart from property companies ("MA").
        let code = CreditCode.make(first8: "91" + districtCode, organisationCode8: "MB" + Self.base31(index, width: 6))
        return (name, code)
    }

    static let codeAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// `value` in the 31 credit-code characters, zero-padded to `width`.
    static func base31(_ value: Int, width: Int) -> String {
        precondition(value >= 0, "base31 needs a non-negative value")
        var digits = [Character](repeating: "0", count: width)
        var rest = value
        for position in stride(from: width - 1, through: 0, by: -1) {
            digits[position] = codeAlphabet[rest % 31]
            rest /= 31
        }
        precondition(rest == 0, "value too large for \(width) credit-code characters")
        return String(digits)
    }
}
