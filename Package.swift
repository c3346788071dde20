// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "vtc",
    products: [
        .executable(name: "vtc", targets: ["vtc"]),
        .library(name: "VTCLog", targets: ["VTCLog", "VTCDomain"]),
        .library(name: "VTCTerminal", targets: ["VTCTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "VTCDomain"),
        .target(
            name: "VTCLog",
            dependencies: [
                "VTCDomain",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "VTCTerminal",
            dependencies: ["VTCDomain", "VTCLog", "CNcurses"]
        ),
        .target(name: "VTCProtocol", dependencies: ["VTCDomain", "VTCLog"]),
        .target(
            name: "VTCServer",
            dependencies: [
                "VTCDomain",
                "VTCLog",
                "VTCProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "VTCClient", dependencies: ["VTCDomain", "VTCLog", "VTCProtocol"]),
        .executableTarget(
            name: "vtc",
            dependencies: [
                "VTCDomain",
                "VTCLog",
                "VTCTerminal",
                "VTCServer",
                "VTCClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "log-test-writer",
            dependencies: ["VTCLog", "VTCDomain"],
            path: "Sources/LogTestWriter"
        ),
        .testTarget(
            name: "VTCDomainTests",
            dependencies: [
                "VTCDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "VTCLogTests", dependencies: ["VTCLog", "VTCDomain", "log-test-writer"]),
        .testTarget(name: "VTCTerminalTests", dependencies: ["VTCTerminal", "VTCDomain", "VTCLog", "vtc"]),
        .testTarget(name: "vtcTests", dependencies: ["VTCDomain", "VTCLog", "vtc"]),
        .testTarget(name: "VTCServerTests", dependencies: ["VTCDomain", "VTCLog", "VTCProtocol", "VTCClient", "vtc"]),
    ],
    swiftLanguageModes: [.v6]
)
