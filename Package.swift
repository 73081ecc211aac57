// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hush",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "HushKit", targets: ["HushKit"]),
        .executable(name: "hush", targets: ["hush"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"]), .brew(["libsodium"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "HushKit", dependencies: ["CSodium", "CYAML", "CPCRE2"]),
        .executableTarget(
            name: "hush",
            dependencies: ["HushKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "hush-fuzz", dependencies: ["HushKit"]),
        // Code both test targets share (the seeded generator).
        .target(name: "HushTestSupport", path: "Tests/HushTestSupport"),
        .testTarget(name: "HushKitTests", dependencies: ["HushKit", "HushTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HushCLITests", dependencies: ["HushKit", "HushTestSupport"]),
    ]
)
