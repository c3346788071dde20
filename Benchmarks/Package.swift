// swift-tools-version: 6.1
// Benchmarks for vtc, kept out of the main package so they do not slow its build.
// Run: swift run -c release --package-path Benchmarks vtc-bench append
import PackageDescription

let package = Package(
    name: "vtc-benchmarks",
    dependencies: [
        .package(name: "vtc", path: ".."),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .executableTarget(
            name: "vtc-bench",
            dependencies: [
                .product(name: "VTCStore", package: "vtc"),
                .product(name: "VTCTerminal", package: "vtc"),
                .product(name: "VTCPostgres", package: "vtc"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
