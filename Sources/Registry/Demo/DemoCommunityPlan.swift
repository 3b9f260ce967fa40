import WuyeCore

/// A generated community (社区) under an official subdistrict.
struct DemoCommunityDraft {
    let index: Int
    let district: NamedDivision
    let subdistrict: NamedDivision
    let community: NamedDivision
}

/// Lays the demo's communities over the official districts and subdistricts of a scale.
enum DemoCommunityPlan {
    static func communities(targets: DemoScaleTargets, random: inout DemoRandom) -> [DemoCommunityDraft] {
        var subdistricts: [(district: NamedDivision, subdistrict: NamedDivision)] = []
        for (districtCode, limit) in targets.districts {
            let district = official(districtCode, name: OfficialDivisions.named(districtCode) ?? districtCode)
            let children = OfficialDivisions.children(of: districtCode).filter { $0.level == "subdistrict" }
            for child in children.prefix(limit ?? children.count) {
                subdistricts.append((district, official(child.code, name: child.name)))
            }
        }
        let counts: [Int]
        if let total = targets.communities {
            let weights = subdistricts.map {
                weight(ofSubdistrict: $0.subdistrict.code.rawValue) * random.int(in: 8...12)
            }
            counts = DemoApportion.split(total, weights: weights, minimums: subdistricts.map { _ in 2 })
        } else {
            counts = subdistricts.map { _ in targets.communitiesPerSubdistrict }
        }
        var drafts: [DemoCommunityDraft] = []
        for (position, entry) in subdistricts.enumerated() {
            var taken: Set<String> = []
            for number in 1...max(1, counts[position]) {
                let name = uniqueName(taken: &taken, random: &random) { random in
                    random.element(of: DemoNames.placeWords) + "社区"
                }
                // NBS: community (居委会) codes under a subdistrict run 001–199.
                let code = entry.subdistrict.code.rawValue + threeDigits(number)
                drafts.append(
                    DemoCommunityDraft(
                        index: drafts.count, district: entry.district, subdistrict: entry.subdistrict,
                        community: official(code, name: name)))
            }
        }
        return drafts
    }

    /// Relative number of communities: the old urban core is dense, towns (township codes 100+,
    /// NBS) are sparse in residential compounds.
    static func weight(ofSubdistrict code: String) -> Int {
        let isTown = (Int(code.suffix(3)) ?? 0) >= 100
        switch code.prefix(6) {
        case "370202", "370203", "370212", "370213": return 10
        case "370211", "370214": return isTown ? 4 : 8
        default: return isTown ? 3 : 6
        }
    }

    /// The official data and the codes built from it are well-formed, so a failure here is a bug
    /// in the generator or the compiled-in data, not bad input.
    static func official(_ code: String, name: String) -> NamedDivision {
        do {
            return NamedDivision(code: try DivisionCode(code), name: name)
        } catch {
            preconditionFailure("demo division code \(code) is invalid: \(error)")
        }
    }

    static func threeDigits(_ number: Int) -> String {
        number < 10 ? "00\(number)" : number < 100 ? "0\(number)" : "\(number)"
    }

    /// Draws names until one is new in `taken`; after many clashes it numbers the last draw
    /// ("…二期"), so it always ends and the name stays unique.
    static func uniqueName(
        taken: inout Set<String>, random: inout DemoRandom, draw: (inout DemoRandom) -> String
    ) -> String {
        var name = draw(&random)
        var attempt = 0
        while taken.contains(name) {
            attempt += 1
            if attempt < 40 {
                name = draw(&random)
            } else {
                let base = draw(&random)
                var phase = 2
                while taken.contains(base + phaseName(phase)) { phase += 1 }
                name = base + phaseName(phase)
            }
        }
        taken.insert(name)
        return name
    }

    /// "二期", "三期", … "11期".
    private static func phaseName(_ phase: Int) -> String {
        (phase <= DemoNames.chineseNumerals.count ? DemoNames.chineseNumerals[phase - 1] : "\(phase)") + "期"
    }
}
