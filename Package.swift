// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReportArchive",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ReportParser", targets: ["ReportParser"]),
        .executable(name: "archive", targets: ["archive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Plain value types shared by every stage; depends on nothing.
        .target(name: "ReportModel"),
        // decode → clean → split → structure → metadata, one folder per stage.
        .target(
            name: "ReportParser",
            dependencies: ["ReportModel"],
            resources: [.copy("Resources/gazetteer.tsv"), .copy("Resources/noise-rules.txt")]
        ),
        .executableTarget(
            name: "archive",
            dependencies: [
                "ReportParser", "ReportModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ReportParserTests",
            dependencies: ["ReportParser", "ReportModel"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
