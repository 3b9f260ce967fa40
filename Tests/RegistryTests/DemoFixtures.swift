import Registry
import WuyeCore

/// Demo cities shared by the demo tests: built once per test run (static lets are lazy and
/// thread-safe), because the city scale takes a noticeable moment in a debug build.
enum DemoFixtures {
    static let small = DemoCity(scale: .small)
    static let district = DemoCity(scale: .district)
    static let city = DemoCity(scale: .city)

    /// Every 97th compound of the city: spread over all districts and all compound types,
    /// small enough to regenerate and check row by row in a debug build.
    static let citySample: [DemoCompound] = stride(from: 0, to: city.compounds.count, by: 97).map { city.compounds[$0] }

    static func allRows(_ city: DemoCity) -> [RegistryRow] {
        var rows: [RegistryRow] = []
        city.forEachRow { rows.append($0) }
        return rows
    }
}
