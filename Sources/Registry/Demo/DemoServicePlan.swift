import WuyeCore

/// The demo city's property companies and who serves each compound.
enum DemoServicePlan {
    /// Companies with the city (code "370200" or "370100") they are registered in.
    static func companies(
        targets: DemoScaleTargets, seed: UInt64
    ) -> [(company: DemoPropertyCompany, cityCode: String)] {
        var result: [(company: DemoPropertyCompany, cityCode: String)] = []
        let words = DemoNames.companyWords.count
        let combinations = DemoNames.placeWords.count * words
        let shift = Int(DemoRandom.hash(seed: seed, stream: .names, index: -1) % UInt64(combinations))
        for (cityCode, count) in targets.companies {
            for local in 0..<count {
                // A prime multiplier walks all word pairs without repeats: names stay unique.
                let mixed = (local * 7_919 + shift) % combinations
                let words = DemoNames.placeWords[mixed / words] + DemoNames.companyWords[mixed % words]
                let name = cityCode == "370100"
                    ? "济南\(words)物业管理有限公司" : "青岛\(words)物业服务有限公司"
                // GB 32100: 9 = market regulation, 1 = company, registered in the city; "MA" +
                // the company's index is its organisation code body, unique by construction.
                let code = CreditCode.make(
                    first8: "91" + cityCode, organisationCode8: "MA" + DemoIdentities.base31(result.count, width: 6))
                result.append((DemoPropertyCompany(name: name, creditCode: code), cityCode))
            }
        }
        return result
    }

    static func arrangements(
        compounds: [DemoCompound], companyCities: [String], seed: UInt64
    ) -> [DemoServiceArrangement] {
        var pools: [String: [Int]] = [:]
        for (index, city) in companyCities.enumerated() { pools[city, default: []].append(index) }
        var nextUnused: [String: Int] = [:]
        var result: [DemoServiceArrangement] = []
        for compound in compounds {
            var random = DemoRandom(seed: seed, stream: .service, index: compound.index)
            let city = String(compound.district.code.rawValue.prefix(4)) + "00"
            let pool = pools[city] ?? []
            let monthStart = { (year: Int, month: Int) in DemoCalendar.monthStart(year: year, month: month).text }
            if compound.renovatedOld {
                // Renovated old neighbourhoods no company will take are served by the subdistrict (政府兜底).
                let start = monthStart(random.int(in: 2019...2024), random.int(in: 1...12))
                result.append(.init(compoundIndex: compound.index, kind: .governmentBackstop, companyIndex: nil,
                                    feeModel: nil, startsOn: start, endsOn: nil))
                continue
            }
            let selfManaged = compound.type == .open ? random.chance(perMille: 300)
                : compound.type == .closed && compound.builtYear < 2005 && random.chance(perMille: 15)
            if selfManaged || pool.isEmpty {
                let start = monthStart(random.int(in: 2015...2023), random.int(in: 1...12))
                result.append(.init(compoundIndex: compound.index, kind: .selfManaged, companyIndex: nil,
                                    feeModel: nil, startsOn: start, endsOn: nil))
                continue
            }
            // 包干制 dominates residential service; office towers more often pay 酬金制.
            let commission = random.chance(perMille: compound.type == .commercial ? 450 : 150)
            let company = pick(pool, city: city, nextUnused: &nextUnused, random: &random)
            let year = random.int(in: 2019...2025)
            let month = random.int(in: 1...12)
            if random.chance(perMille: 300) {
                // An earlier contract, with another company where there is one, ended the day before.
                var previous = pick(pool, city: city, nextUnused: &nextUnused, random: &random)
                if previous == company, pool.count > 1, let position = pool.firstIndex(of: company) {
                    previous = pool[(position + 1) % pool.count]
                }
                result.append(.init(
                    compoundIndex: compound.index, kind: .contract, companyIndex: previous,
                    feeModel: random.chance(perMille: 150) ? .commission : .lumpSum,
                    startsOn: monthStart(random.int(in: 2015...2018), random.int(in: 1...12)),
                    endsOn: DemoCalendar.dayBefore(year: year, month: month).text))
            }
            // The current contract runs into 2025 or 2026 (renewals are signed as terms end);
            // a tenth run on without a fixed term.
            let endYear = max(year + 1, random.int(in: 2025...2026))
            let ends = random.chance(perMille: 100) ? nil : DemoCalendar.dayBefore(year: endYear, month: month).text
            result.append(.init(
                compoundIndex: compound.index, kind: .contract, companyIndex: company,
                feeModel: commission ? .commission : .lumpSum, startsOn: monthStart(year, month), endsOn: ends))
        }
        return result
    }

    /// Every company gets a compound before any gets a second; after that larger companies
    /// (lower indices) win more contracts, as a few big firms serve much of a real city.
    private static func pick(
        _ pool: [Int], city: String, nextUnused: inout [String: Int], random: inout DemoRandom
    ) -> Int {
        let unused = nextUnused[city, default: 0]
        if unused < pool.count {
            nextUnused[city] = unused + 1
            return pool[unused]
        }
        let u = random.below(1_000)
        return pool[pool.count * u * u / 1_000_000]
    }
}
