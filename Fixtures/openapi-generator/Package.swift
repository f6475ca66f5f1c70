// swift-tools-version:6.0
// Builds swift-openapi-generator's command line tool for the end-to-end suite: OpenAPIAppTests copies
// this folder to .build-e2e/openapi-generator and generates a client of a generated app with it.
import PackageDescription

let package = Package(
    name: "openapi-generator",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.0")],
    targets: [.target(name: "Placeholder")]
)
