// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer harnesses over Tiaoqi's readers, in a package of their own so the product never ships them. Build one with
/// `scripts/build-fuzzer NAME` (docs/FUZZING.md): every module is compiled with coverage and AddressSanitizer.
let package = Package(
    name: "TiaoqiFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Tiaoqi", path: "..")],
    targets: ["CSVFuzz", "PlanYAMLFuzz", "PlanJSONFuzz"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "GTFS", package: "Tiaoqi"), .product(name: "Schedules", package: "Tiaoqi"),
                .product(name: "Reports", package: "Tiaoqi"), .product(name: "Audit", package: "Tiaoqi"),
            ],
            path: "Harnesses/\(name)", swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
