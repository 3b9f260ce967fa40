/// Integer apportionment, so the demo city's totals come out exact (4,000 compounds, 63,800
/// buildings, …) while each compound keeps the proportions its random draw gave it.
enum DemoApportion {
    /// Splits `total` into one part per weight: part i is at least `minimums[i]`, and what is left
    /// is shared in proportion to the weights by the largest-remainder method (ties go to the
    /// lower index). All integer arithmetic, so the result is the same on every machine.
    static func split(_ total: Int, weights: [Int], minimums: [Int]) -> [Int] {
        precondition(weights.count == minimums.count, "one minimum per weight")
        let floor = minimums.reduce(0, +)
        precondition(floor <= total, "minimums exceed the total")
        guard !weights.isEmpty else { return [] }
        let rest = Int64(total - floor)
        // All-zero weights share the rest equally rather than dividing by zero.
        let effective = weights.allSatisfy { $0 <= 0 } ? weights.map { _ in 1 } : weights.map { max(0, $0) }
        let weightSum = Int64(effective.reduce(0, +))
        var parts = minimums
        var remainders: [(remainder: Int64, index: Int)] = []
        remainders.reserveCapacity(effective.count)
        var given: Int64 = 0
        for (index, weight) in effective.enumerated() {
            let share = rest * Int64(weight)
            parts[index] += Int(share / weightSum)
            given += share / weightSum
            remainders.append((share % weightSum, index))
        }
        let leftover = Int(rest - given)
        if leftover > 0 {
            remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
            for entry in remainders.prefix(leftover) {
                parts[entry.index] += 1
            }
        }
        return parts
    }
}
