// swift-tools-version:6.2
import PackageDescription

// Domain targets (WuyeCore, Registry, Access, Assembly, Cases, Funds, Disclosure, Evaluation, Party) import Foundation and WuyeCore only: every rule is testable
// without a server or a database. Storage and Web are adapters around them.
let package = Package(
    name: "wuye",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wuye", targets: ["wuye"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .target(name: "WuyeCore"),
        .target(name: "Registry", dependencies: ["WuyeCore"]),
        .target(name: "Access", dependencies: ["WuyeCore"]),
        .target(name: "Assembly", dependencies: ["WuyeCore"]),
        .target(name: "Cases", dependencies: ["WuyeCore", "Access"]),
        .target(name: "Funds", dependencies: ["WuyeCore"]),
        .target(name: "Disclosure", dependencies: ["WuyeCore"]),
        .target(name: "Evaluation", dependencies: ["WuyeCore"]),
        .target(name: "Party", dependencies: ["WuyeCore"]),
        .target(
            name: "Storage",
            dependencies: [
                "WuyeCore", "Registry", "Access", "Assembly", "Cases", "Funds", "Disclosure", "Evaluation", "Party",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Web",
            dependencies: [
                "WuyeCore", "Registry", "Access", "Assembly", "Cases", "Funds", "Disclosure", "Evaluation", "Party", "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Public"), .copy("OpenAPI/openapi.json")]
        ),
        .executableTarget(
            name: "wuye",
            dependencies: [
                "WuyeCore", "Registry", "Access", "Assembly", "Cases", "Funds", "Disclosure", "Evaluation", "Party", "Storage", "Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "WuyeCoreTests", dependencies: ["WuyeCore"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "WuyeCore"]),
        .testTarget(name: "AccessTests", dependencies: ["Access", "WuyeCore"]),
        .testTarget(name: "AssemblyTests", dependencies: ["Assembly", "WuyeCore"]),
        .testTarget(name: "CasesTests", dependencies: ["Cases", "Access", "WuyeCore"]),
        .testTarget(name: "FundsTests", dependencies: ["Funds", "WuyeCore"]),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure", "WuyeCore"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "WuyeCore"]),
        .testTarget(name: "PartyTests", dependencies: ["Party", "WuyeCore"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Registry", "Access", "Assembly", "Cases", "Funds", "Disclosure", "Evaluation", "Party", "WuyeCore"]),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "Storage", "Registry", "Access", "Assembly", "Cases", "Funds", "Disclosure", "Evaluation", "Party", "WuyeCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
