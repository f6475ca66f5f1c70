// swift-tools-version: 6.1
import PackageDescription

/// The hand-written baseline for scripts/bench-http.sh: the least code that serves the same
/// GET /api/posts/{id} and POST /api/posts with Hummingbird and SQLKit, tuned like ForgeRuntime
/// (two SQLite connections per event loop). A generated app is held to 90% of its throughput.
let package = Package(
    name: "Baseline",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "Baseline",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
            ]
        ),
    ]
)
