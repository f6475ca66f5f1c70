// swift-tools-version: 6.1
import PackageDescription

/// forge: the `forge` command-line scaffolder (over the ForgeCore library) and ForgeRuntime,
/// the library every generated app links to.
///
/// The CLI links only argument-parser, Yams and swift-mustache. Hummingbird and SQLKit are
/// dependencies of ForgeRuntime alone, so building `forge` never compiles the server stack.
/// Optional runtime libraries are products of their own that plug into an app as an `AppModule`
/// (ForgeAuth) or a `DatabaseDriver` (ForgeRuntimePostgres): an app compiles only what it lists.
let package = Package(
    name: "forge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "forge", targets: ["forge"]),
        .library(name: "ForgeCore", targets: ["ForgeCore"]),
        .library(name: "ForgeRuntime", targets: ["ForgeRuntime"]),
        .library(name: "ForgeTesting", targets: ["ForgeTesting"]),
        // Only apps with auth (`forge new` without `--no-auth`) depend on these; others never build jwt-kit or swift-crypto.
        .library(name: "ForgeAuth", targets: ["ForgeAuth"]),
        .library(name: "ForgeAuthTesting", targets: ["ForgeAuthTesting"]),
        // Only apps made with `forge new --db postgres` depend on this; SQLite apps never build PostgresKit.
        .library(name: "ForgeRuntimePostgres", targets: ["ForgeRuntimePostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .executableTarget(name: "forge", dependencies: ["ForgeCLI"]),
        // The commands, as a library so that ForgeCLITests can run them in process.
        .target(
            name: "ForgeCLI",
            dependencies: [
                "ForgeCore",
                "ForgeShared",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Rules forge and the runtime both apply (formats, value-rule messages, date and time
        // text): no dependencies, so the CLI can link it without the server stack.
        .target(name: "ForgeShared"),
        .target(
            name: "ForgeCore",
            dependencies: [
                "ForgeShared",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "ForgeRuntime",
            dependencies: [
                "ForgeShared",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "ForgeAuth",
            dependencies: [
                "ForgeRuntime",
                "ForgeShared",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "ForgeRuntimePostgres",
            dependencies: [
                "ForgeRuntime",
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "AsyncKit", package: "async-kit"),
            ]
        ),
        .target(
            name: "ForgeTesting",
            dependencies: [
                "ForgeRuntime",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .target(name: "ForgeAuthTesting", dependencies: ["ForgeAuth", "ForgeTesting"]),
        .testTarget(name: "ForgeCoreTests", dependencies: ["ForgeCore"]),
        .testTarget(name: "ForgeCLITests", dependencies: ["ForgeCLI", "ForgeCore"]),
        .testTarget(name: "ForgeRuntimeTests", dependencies: ["ForgeRuntime", "ForgeTesting"]),
        .testTarget(name: "ForgeAuthTests", dependencies: ["ForgeAuth", "ForgeAuthTesting", "ForgeRuntime", "ForgeTesting"]),
        .testTarget(name: "ForgeRuntimePostgresTests", dependencies: ["ForgeRuntimePostgres", "ForgeRuntime", "ForgeTesting"]),
        .testTarget(name: "ForgeEndToEndTests", dependencies: ["ForgeCore"]),
    ]
)
