/// The housing registry: divisions down to homes, owners, grids, property companies and each
/// compound's service arrangement. Counts are kept on divisions, compounds and buildings so that
/// browsing the city never scans its 2.54M homes. Every compound-scoped table carries
/// `compound_id`, the distribution key when PostgreSQL is scaled out.
enum Migration001Registry {
    static let migration = Migration(number: 1, name: "registry", statements: [
        """
        CREATE TABLE divisions (
            code TEXT PRIMARY KEY,
            level TEXT NOT NULL,
            name TEXT NOT NULL,
            parent_code TEXT REFERENCES divisions (code),
            compound_count {bigint} NOT NULL DEFAULT 0,
            building_count {bigint} NOT NULL DEFAULT 0,
            unit_count {bigint} NOT NULL DEFAULT 0,
            home_count {bigint} NOT NULL DEFAULT 0,
            area_centi {bigint} NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX divisions_parent ON divisions (parent_code)",
        """
        CREATE TABLE compounds (
            id {id},
            community_code TEXT NOT NULL REFERENCES divisions (code),
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            address TEXT,
            renovated_old {bool} NOT NULL DEFAULT FALSE,
            building_count {bigint} NOT NULL DEFAULT 0,
            unit_count {bigint} NOT NULL DEFAULT 0,
            home_count {bigint} NOT NULL DEFAULT 0,
            area_centi {bigint} NOT NULL DEFAULT 0,
            UNIQUE (community_code, name))
        """,
        """
        CREATE TABLE buildings (
            id {id},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            number TEXT NOT NULL,
            unit_count {bigint} NOT NULL DEFAULT 0,
            home_count {bigint} NOT NULL DEFAULT 0,
            area_centi {bigint} NOT NULL DEFAULT 0,
            UNIQUE (compound_id, number))
        """,
        """
        CREATE TABLE units (
            id {id},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            building_id {bigint} NOT NULL REFERENCES buildings (id),
            number TEXT NOT NULL,
            UNIQUE (building_id, number))
        """,
        """
        CREATE TABLE homes (
            id {id},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            building_id {bigint} NOT NULL REFERENCES buildings (id),
            unit_id {bigint} NOT NULL REFERENCES units (id),
            number TEXT NOT NULL,
            area_centi {bigint} NOT NULL,
            delivered {bool} NOT NULL,
            UNIQUE (unit_id, number))
        """,
        "CREATE INDEX homes_compound ON homes (compound_id, id)",
        """
        CREATE TABLE owners (
            id {id},
            kind TEXT NOT NULL,
            id_number TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            phone TEXT)
        """,
        """
        CREATE TABLE ownerships (
            home_id {bigint} NOT NULL REFERENCES homes (id),
            owner_id {bigint} NOT NULL REFERENCES owners (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            PRIMARY KEY (home_id, owner_id))
        """,
        "CREATE INDEX ownerships_owner ON ownerships (owner_id)",
        """
        CREATE TABLE grids (
            id {id},
            code TEXT NOT NULL UNIQUE,
            community_code TEXT NOT NULL REFERENCES divisions (code),
            name TEXT NOT NULL)
        """,
        "CREATE INDEX grids_community ON grids (community_code)",
        """
        CREATE TABLE grid_buildings (
            building_id {bigint} PRIMARY KEY REFERENCES buildings (id),
            grid_id {bigint} NOT NULL REFERENCES grids (id),
            compound_id {bigint} NOT NULL REFERENCES compounds (id))
        """,
        "CREATE INDEX grid_buildings_grid ON grid_buildings (grid_id)",
        "CREATE INDEX grid_buildings_compound ON grid_buildings (compound_id)",
        """
        CREATE TABLE property_companies (
            id {id},
            name TEXT NOT NULL,
            credit_code TEXT NOT NULL UNIQUE)
        """,
        """
        CREATE TABLE service_arrangements (
            id {id},
            compound_id {bigint} NOT NULL REFERENCES compounds (id),
            kind TEXT NOT NULL,
            company_id {bigint} REFERENCES property_companies (id),
            fee_model TEXT,
            starts_on TEXT NOT NULL,
            ends_on TEXT)
        """,
        "CREATE INDEX service_arrangements_compound ON service_arrangements (compound_id, starts_on)",
        "CREATE INDEX service_arrangements_company ON service_arrangements (company_id)",
    ])
}
