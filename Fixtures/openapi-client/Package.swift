// swift-tools-version:6.0
// A client of a generated app, made by swift-openapi-generator from the app's own OpenAPI
// document (OpenAPIAppTests copies this folder, generates Sources/Client/Generated, builds, runs).
import PackageDescription

let package = Package(
    name: "openapi-client",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
    ],
    targets: [
        .executableTarget(
            name: "Client",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
