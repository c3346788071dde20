// swift-tools-version: 6.1
import PackageDescription

// Dependencies go one way: front ends (vtc, VTCTerminal) → VTCStore → VTCCodec → VTCModel.
// VTCPostgres is a second store for the log (a table in PostgreSQL), beside the folder store in VTCStore.
// VTCTexts holds every string a person reads; TerminalKit knows nothing of vtc.
let package = Package(
    name: "vtc",
    products: [
        .executable(name: "vtc", targets: ["vtc"]),
        .library(name: "VTCStore", targets: ["VTCStore", "VTCCodec", "VTCModel"]),
        .library(name: "VTCPostgres", targets: ["VTCPostgres"]),
        .library(name: "VTCTerminal", targets: ["VTCTerminal", "TerminalKit", "VTCTexts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "VTCModel"),
        .target(name: "VTCCodec", dependencies: ["VTCModel"]),
        .target(name: "VTCTexts", dependencies: ["VTCModel", "VTCCodec"]),
        .target(
            name: "VTCStore",
            dependencies: [
                "VTCModel",
                "VTCCodec",
                "VTCTexts",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "VTCPostgres",
            dependencies: ["VTCModel", "VTCCodec", "VTCStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(name: "TerminalKit", dependencies: ["CNcurses"]),
        .target(
            name: "VTCTerminal",
            dependencies: ["VTCModel", "VTCTexts", "VTCStore", "TerminalKit"]
        ),
        .target(name: "VTCProtocol", dependencies: ["VTCModel", "VTCCodec", "VTCStore"]),
        .target(
            name: "VTCServer",
            dependencies: [
                "VTCModel",
                "VTCCodec",
                "VTCTexts",
                "VTCStore",
                "VTCProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "VTCClient", dependencies: ["VTCModel", "VTCCodec", "VTCStore", "VTCProtocol"]),
        .executableTarget(
            name: "vtc",
            dependencies: [
                "VTCModel",
                "VTCCodec",
                "VTCTexts",
                "VTCStore",
                "VTCPostgres",
                "TerminalKit",
                "VTCTerminal",
                "VTCServer",
                "VTCClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "log-test-writer",
            dependencies: ["VTCStore", "VTCModel"],
            path: "Sources/LogTestWriter"
        ),
        .testTarget(
            name: "VTCModelTests",
            dependencies: [
                "VTCModel",
                "VTCCodec",
                "VTCTexts",
                "VTCStore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "VTCStoreTests", dependencies: ["VTCStore", "VTCModel", "VTCCodec", "log-test-writer"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "VTCModel"]),
        .testTarget(
            name: "VTCTerminalTests",
            dependencies: ["VTCTerminal", "TerminalKit", "VTCModel", "VTCCodec", "VTCTexts", "VTCStore", "vtc"],
            // The golden screens are read from the source tree by path, so that regenerating them writes the files checked in.
            exclude: ["Golden"]
        ),
        // PostgreSQL clusters of the tests' own, for every test target that needs a database; only test targets depend on it.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .testTarget(
            name: "vtcTests",
            dependencies: ["VTCModel", "VTCCodec", "VTCTexts", "VTCStore", "TerminalKit", "VTCPostgres", "PostgresTestSupport", "vtc"]
        ),
        .testTarget(
            name: "VTCServerTests",
            dependencies: ["VTCModel", "VTCCodec", "VTCStore", "VTCProtocol", "VTCClient", "PostgresTestSupport", "vtc"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
