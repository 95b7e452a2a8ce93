import Foundation
import GTFS
import Schedules
import TestSupport
import Testing

/// Hostile schedules: copies of the quickstart with files replaced or edited, loaded through the public loader.
enum Hostile {
    /// A fixture file of `Tests/SchedulesTests/Fixtures/hostile/`.
    static func fixture(_ name: String) -> String { Fixtures.path("Tests/SchedulesTests/Fixtures/hostile/\(name)") }

    /// A copy of the quickstart whose files named in `files` (name in the folder → fixture name) are the fixtures, with
    /// `NETWORK` in them standing for the real network; bytes are copied as they are (a Latin-1 fixture stays Latin-1).
    static func quickstart(with files: [String: String] = [:]) throws -> String {
        let folder = Fixtures.copy(Fixtures.quickstart)
        for (name, fixture) in files {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixture(fixture))))
            let placeholder = Array("NETWORK".utf8)
            if let start = (0...(bytes.count - placeholder.count)).first(where: {
                bytes[$0..<$0 + placeholder.count].elementsEqual(placeholder)
            }) {
                bytes.replaceSubrange(start..<start + placeholder.count, with: Array(Fixtures.network.utf8))
            }
            try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        return folder
    }

    /// The error loading `folder` gives (nil, and a failed expectation, when it loads).
    static func loadError(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) async -> ScheduleError? {
        do {
            _ = try await ScheduleLoader().load(folder: folder)
            Issue.record("the schedule loaded", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// The 1-based line of the first line of `file` containing `text`.
    static func line(of text: String, in file: String) throws -> Int {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(omittingEmptySubsequences: false) {
            $0 == "\n" || $0 == "\r\n"
        }
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    /// A copy of the sample network in a new temporary folder.
    static func network() -> String {
        let target = (Fixtures.temporaryFolder("network") as NSString).appendingPathComponent("network")
        try! FileManager.default.copyItem(atPath: Fixtures.network, toPath: target)
        return target
    }
}
