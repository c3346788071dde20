// swift-tools-version: 6.1
import PackageDescription

// The libFuzzer target, in a package of its own so that a plain `swift build` or `swift test` of vtc never
// tries to link it without `-sanitize=fuzzer` (it has no `main`: libFuzzer brings one). See docs/fuzzing.md.
let package = Package(
    name: "vtc-fuzz",
    dependencies: [.package(name: "vtc", path: "..")],
    targets: [
        .executableTarget(
            name: "vtc-fuzz",
            dependencies: [.product(name: "VTCStore", package: "vtc")],
            path: "Sources/vtc-fuzz"
        ),
    ],
    swiftLanguageModes: [.v6]
)
