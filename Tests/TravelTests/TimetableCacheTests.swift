import Foundation
import GTFS
import TestSupport
import Testing
import Travel

@Suite("The compiled-timetable cache")
struct TimetableCacheTests {
    /// A copy of the sample network and an empty cache folder.
    func setUp() throws -> (network: String, cache: TimetableCache) {
        let folder = Fixtures.temporaryFolder("timetable-cache")
        let network = "\(folder)/network"
        try FileManager.default.copyItem(atPath: Fixtures.network, toPath: network)
        return (network, TimetableCache(folder: "\(folder)/cache"))
    }

    func cacheFiles(_ cache: TimetableCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).filter {
            $0.hasSuffix(".timetable")
        }
    }

    @Test func anUnchangedFeedIsReadFromTheCacheAndEqualsTheImport() throws {
        let (network, cache) = try setUp()
        let imported = try NetworkLoader.load(paths: [network])
        let first = try NetworkLoader.load(paths: [network], cache: cache)
        #expect(cacheFiles(cache).count == 1)
        let second = try NetworkLoader.load(paths: [network], cache: cache)
        #expect(first.archived() == imported.archived())
        #expect(second.archived() == imported.archived())
        #expect(Timetable(archived: imported.archived())?.archived() == imported.archived())
    }

    @Test func aChangedFileImportsAgain() throws {
        let (network, cache) = try setUp()
        let before = try NetworkLoader.load(paths: [network], cache: cache)
        let path = "\(network)/stop_times.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The same size, another time: 06:18 becomes 06:19 for the first train.
        try text.replacingOccurrences(of: "G101-DAILY,06:18:00,06:18:00", with: "G101-DAILY,06:17:00,06:17:00")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let after = try NetworkLoader.load(paths: [network], cache: cache)
        #expect(after.archived() == (try NetworkLoader.load(paths: [network])).archived())
        #expect(after.archived() != before.archived())
        #expect(cacheFiles(cache).count == 2)
    }

    @Test(arguments: ["truncated", "garbage", "flipped"])
    func aDamagedCacheFileIsNotTrusted(damage: String) throws {
        let (network, cache) = try setUp()
        let imported = try NetworkLoader.load(paths: [network], cache: cache)
        let file = "\(cache.folder)/\(try #require(cacheFiles(cache).first))"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "garbage": bytes = Array(repeating: 0xFF, count: bytes.count)
        default: bytes[bytes.count / 2] ^= 0x5A
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        // The damaged file is ignored (a flipped byte anywhere fails the hash kept with the archive) and rebuilt.
        let again = try NetworkLoader.load(paths: [network], cache: cache)
        #expect(again.archived() == imported.archived())
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))) != bytes)
    }
}
