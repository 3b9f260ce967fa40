/// A service-fee standard's rates by building kind: a compound may charge homes in lift buildings
/// and multi-storey ones differently; a home whose building's kind is not recorded pays the
/// standard's base rate.
enum Migration016FeeRatesByBuildingKind {
    static let migration = Migration(number: 16, name: "fee_rates_by_building_kind", statements: [
        """
        CREATE TABLE fee_standard_rates (
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            building_kind TEXT NOT NULL,
            rate_milli {bigint} NOT NULL,
            PRIMARY KEY (compound_id, building_kind))
        """,
    ])
}
