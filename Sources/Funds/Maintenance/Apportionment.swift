import WuyeCore

/// A cost shared by floor area among the homes that benefit (165号令 Art. 19–21; the developer pays
/// the share of homes it has not delivered). Exact in fen: each home first gets the whole fen of
/// total × area / total area; the fen left over go one each to the homes with the largest
/// remainders, and among equal remainders to the larger home, then the lower home id. So the shares
/// always add up to the total, and no home is ever more than one fen from its exact share.
public enum Apportionment {
    public struct Share: Equatable, Sendable {
        public let homeID: Int64
        public let area: Int64
        public let amount: Fen
    }

    public static let remainderRule = "按建筑面积比例分摊到分；除不尽的余数按各户尾差由大到小逐户加 1 分，尾差相同的面积大者优先、再按房屋编号由小到大"

    public static func byArea(_ total: Fen, homes: [(homeID: Int64, area: Int64)]) throws(DomainError) -> [Share] {
        let totalArea = homes.reduce(Int64(0)) { $0 + $1.area }
        guard !homes.isEmpty, totalArea > 0, homes.allSatisfy({ $0.area >= 0 }) else {
            throw DomainError(code: "no_area", message: "受益房屋没有登记面积，无法分摊", english: "the homes have no area to share by", field: "scope")
        }
        guard total >= .zero else {
            throw DomainError(code: "invalid_amount", message: "金额不能为负", english: "the amount is negative", field: "amount")
        }
        // total ≤ 10^11 fen (a billion yuan) and area ≤ 10^9 centi-m² keep the product inside Int64;
        // multipliedFullWidth keeps it exact beyond that.
        var floors: [Int64] = [], remainders: [Int64] = []
        for home in homes {
            let (high, low) = total.rawValue.multipliedFullWidth(by: home.area)
            let (quotient, remainder) = totalArea.dividingFullWidth((high, low))
            floors.append(quotient)
            remainders.append(remainder)
        }
        var left = total.rawValue - floors.reduce(0, +)
        let order = homes.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
            if homes[a].area != homes[b].area { return homes[a].area > homes[b].area }
            return homes[a].homeID < homes[b].homeID
        }
        for index in order where left > 0 {
            floors[index] += 1
            left -= 1
        }
        return homes.indices.map { Share(homeID: homes[$0].homeID, area: homes[$0].area, amount: Fen(floors[$0])) }
    }
}
