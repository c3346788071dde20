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
        .executableTarget(
            name: "vtc",
            dependencies: [
                "VTCDomain",
                "VTCLog",
                "VTCTerminal",
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
    ],
    swiftLanguageModes: [.v6]
)
