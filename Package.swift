// swift-tools-version: 6.1
import PackageDescription

/// Settings every Tiaoqi target shares: Swift 6 mode and the upcoming features we hold ourselves to.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Tiaoqi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tiaoqi", targets: ["tiaoqi"]),
        .executable(name: "tiaoqi-bench", targets: ["tiaoqi-bench"]),
        .library(name: "Timeline", targets: ["Timeline"]),
        .library(name: "Messages", targets: ["Messages"]),
        .library(name: "ICalendar", targets: ["ICalendar"]),
        .library(name: "Feeds", targets: ["Feeds"]),
        .library(name: "Travel", targets: ["Travel"]),
        .library(name: "Itinerary", targets: ["Itinerary"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "Audit", targets: ["Audit"]),
        .library(name: "GTFS", targets: ["GTFS"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Schedules", targets: ["Schedules"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "Server", targets: ["Server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Timeline"),
        .target(name: "Messages", dependencies: ["Timeline"]),
        .target(name: "ICalendar", dependencies: ["Timeline", "Messages"]),
        .target(name: "Feeds", dependencies: ["CCurl", "Messages"]),
        .target(name: "Travel", dependencies: ["Timeline", "Messages"]),
        .target(name: "Itinerary", dependencies: ["Timeline", "Travel", "Messages"]),
        .target(name: "Planner", dependencies: ["Timeline", "Travel", "Itinerary", "Messages"]),
        .target(name: "Audit", dependencies: ["Timeline", "Travel", "Itinerary", "Messages"]),
        .target(name: "GTFS", dependencies: ["Timeline", "Travel", "Messages", "CZlib"]),
        .target(
            name: "Reports",
            dependencies: ["Timeline", "ICalendar", "Feeds", "Travel", "Itinerary", "Audit", "Messages"]),
        .target(
            name: "Schedules",
            dependencies: [
                "Timeline", "ICalendar", "Feeds", "Travel", "GTFS", "Itinerary", "Audit", "Messages",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "Store",
            dependencies: [
                "Timeline", "Messages", "Itinerary",
                .product(name: "SQLKit", package: "sql-kit"), .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "Timeline", "Itinerary", "GTFS", "Travel", "Feeds", "Planner", "Audit", "Schedules", "Store", "Reports",
                "Messages",
                .product(name: "CSV", package: "CSV.swift"),
            ]),
        .target(
            name: "Server",
            dependencies: [
                "Timeline", "Store", "Messages", "Reports", "Pipeline", "Schedules", "Planner", "Audit", "Itinerary",
                "Travel", "GTFS", "ICalendar",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "tiaoqi",
            dependencies: [
                "Timeline", "ICalendar", "Feeds", "Travel", "Itinerary", "Planner", "Audit", "GTFS", "Reports",
                "Schedules", "Messages", "Store", "Pipeline", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "BenchSupport",
            dependencies: ["Timeline", "Travel", "GTFS", "Itinerary", "Schedules"]
        ),
        .executableTarget(
            name: "tiaoqi-bench",
            dependencies: [
                "Timeline", "ICalendar", "Feeds", "Travel", "GTFS", "Itinerary", "Planner", "Audit", "Reports",
                "Schedules", "BenchSupport", "Messages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "Store", .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "TimelineTests", dependencies: ["Timeline"]),
        .testTarget(name: "MessagesTests", dependencies: ["Messages", "Timeline"]),
        .testTarget(
            name: "ICalendarTests", dependencies: ["ICalendar", "Messages", "Timeline", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "Messages", "TestSupport"], exclude: ["Server"]),
        .testTarget(
            name: "TravelTests", dependencies: ["Travel", "GTFS", "Messages", "Timeline", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "ItineraryTests", dependencies: ["Itinerary", "Messages", "Timeline", "Travel"]),
        .testTarget(
            name: "PlannerTests",
            dependencies: [
                "Messages",
                "Planner", "Audit", "GTFS", "Schedules", "BenchSupport", "Itinerary", "Travel", "Timeline", "Reports",
                "TestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AuditTests",
            dependencies: [
                "Messages",
                "Audit", "Reports", "Planner", "Itinerary", "Travel", "Timeline", "GTFS", "Schedules", "TestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Messages", "Audit", "ICalendar", "Itinerary", "Travel", "Timeline"]),
        .testTarget(
            name: "SchedulesTests",
            dependencies: [
                "Messages",
                "Schedules", "GTFS", "Reports", "Audit", "Feeds", "Itinerary", "ICalendar", "Timeline", "Travel",
                "Planner", "TestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "StoreTests",
            dependencies: [
                "Store", "Itinerary", "Pipeline", "Reports", "Timeline", "Messages", "TestSupport",
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"), .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Store", "Messages", "Timeline", "Planner", "Schedules", "Itinerary", "Audit", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "tiaoqi", "tiaoqi-bench", "Feeds", "ICalendar", "GTFS", "Reports", "Schedules", "Itinerary", "Timeline",
                "Travel", "Messages", "Store", "TestSupport",
            ],
            exclude: ["Fixtures"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
