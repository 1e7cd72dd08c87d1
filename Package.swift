// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReportArchive",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ReportParser", targets: ["ReportParser"]),
        .library(name: "SiteBuilder", targets: ["SiteBuilder"]),
        .library(name: "Markup", targets: ["Markup"]),
        .library(name: "Decode", targets: ["Decode"]),
        .executable(name: "archive", targets: ["archive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already in the graph through Hummingbird; named for NIOHTTP1, which sees the request's HTTP version.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Plain value types shared by every stage; depends on nothing.
        .target(name: "ReportModel"),
        // Any source format (text, web page, Word, PDF) → text lines and what the format says beside them.
        .target(
            name: "Decode",
            dependencies: ["ReportModel", "Markup", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // clean → split → structure → metadata on decoded text, one folder per stage.
        .target(
            name: "ReportParser",
            dependencies: ["ReportModel", "Decode"],
            resources: [.copy("Resources/gazetteer.tsv"), .copy("Resources/noise-rules.txt"), .copy("Resources/title-words.txt"),
                        .copy("Resources/metadata-words.txt"), .copy("Resources/figure-words.txt")]
        ),
        // Debian's libcmark, the only Markdown implementation; CommonMark.swift is its one user.
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Debian's libxml2, the only HTML and XML parser; MarkupDocument.swift is its one user.
        .systemLibrary(name: "Clibxml2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Debian's libsqlite3, for the opt-in data/archive.sqlite; Export/SQLite.swift is its one user.
        .systemLibrary(name: "Csqlite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // HTML and XML bytes → plain Swift element trees (for `archive check`, and extractors).
        .target(name: "Markup", dependencies: ["Clibxml2"]),
        // Report → Markdown (escaping lives here, once) → HTML through cmark.
        .target(name: "ReportMarkdown", dependencies: ["ReportModel", "Ccmark"]),
        // Config, indexes (region, year, topic, type), pages from templates, feeds, atomic output.
        .target(
            name: "SiteBuilder",
            dependencies: [
                "ReportModel", "Decode", "ReportParser", "ReportMarkdown", "Markup", "Csqlite3",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/difference-words.txt")]
        ),
        // `archive serve`: the built site over HTTP, rebuilt and reloaded as sources change.
        .target(
            name: "PreviewServer",
            dependencies: [
                "SiteBuilder",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "archive",
            dependencies: [
                "Decode", "ReportParser", "ReportModel", "SiteBuilder", "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Debian's mimalloc in place of glibc's malloc for the whole process: the parser and the
            // builder make millions of small strings and arrays, and it serves them about 6% faster.
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "DecodeTests", dependencies: ["Decode", "ReportParser", "ReportModel"], resources: [.copy("Fixtures")]),
        // What several test targets share (a seeded random generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ReportMarkdownTests", dependencies: ["ReportMarkdown", "ReportModel", "TestSupport"]),
        .testTarget(name: "SiteBuilderTests", dependencies: ["SiteBuilder", "ReportModel", "ReportParser", "Markup", "TestSupport"]),
        // Also builds `archive`, which the end-to-end tests start as a subprocess.
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer", "SiteBuilder", "archive"]),
        // The `archive` command as a user runs it: a subprocess per case, exit status and messages asserted.
        .testTarget(name: "ArchiveCommandTests", dependencies: ["archive", "SiteBuilder"]),
        .testTarget(
            name: "ReportParserTests",
            dependencies: ["ReportParser", "Decode", "ReportModel"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
