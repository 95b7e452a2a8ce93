import Foundation
import ICalendar
import TestSupport
import Testing
import Timeline

/// The oracle's canonical line for an occurrence: `UID|RECURRENCE-ID or -|START|END|TRANSP|STATUS|SUMMARY`.
func canonicalLine(_ occurrence: Occurrence) -> String {
    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
    let start = occurrence.allDayDates?.start.description ?? occurrence.interval.start.iso8601
    let end = occurrence.allDayDates?.end.description ?? occurrence.interval.end.iso8601
    let recurrence = occurrence.recurrenceDate?.description ?? occurrence.recurrenceID?.iso8601 ?? "-"
    return [
        escape(occurrence.uid), recurrence, start, end, occurrence.transparency.rawValue, occurrence.status ?? "-",
        escape(occurrence.summary ?? ""),
    ].joined(separator: "|")
}

/// Lines sorted by code points, as the oracle sorts them.
func codePointSorted(_ lines: [String]) -> [String] {
    lines.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
}

let oracleFolder = Fixtures.path("Tests/ICalendarTests/Fixtures/oracle")

struct OracleCase: CustomTestStringConvertible, Sendable {
    var number: Int
    var file: String
    var start: String
    var end: String
    var zone: String
    var arguments: String
    var testDescription: String { "\(number): \(file) \(arguments)" }

    static func all() -> [OracleCase] {
        let text = (try? String(contentsOfFile: "\(oracleFolder)/CASES.tsv", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().enumerated().map { index, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return OracleCase(
                number: index + 1, file: fields[0], start: fields[1], end: fields[2], zone: fields[3],
                arguments: fields.count > 4 ? fields[4] : "")
        }
    }
}

@Suite("Agreement with the calendar oracles")
struct OracleTests {
    /// `--end-semantics wallclock` asks the oracle for python's wall-clock ends instead of RFC 5545 §3.8.5.3's exact
    /// DTEND durations ("the duration of each instance is the exact duration between DTSTART and DTEND"); Tiaoqi
    /// follows the RFC, which case 7 checks on the same file.
    static let excluded: Set<Int> = [8]

    /// The oracle's expected output of a case, its first line `# exit N`.
    static func expected(_ item: OracleCase) throws -> [String] {
        let expectedPath = String(format: "%@/expected/%02d-%@.out", oracleFolder, item.number, item.file)
        return try String(contentsOfFile: expectedPath, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func theCasesAreThere() {
        // 16 cases in CASES.tsv and 6 fuzz seeds; without them the parameterised tests below would run no case.
        #expect(OracleCase.all().count >= 16)
        #expect(Self.fuzzSeeds().count >= 6)
    }

    @Test(arguments: OracleCase.all().filter { !excluded.contains($0.number) })
    func pitfallFixture(_ item: OracleCase) throws {
        let expected = try Self.expected(item)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(oracleFolder)/\(item.file)")))
        if item.arguments.contains("--encoding gb18030") {
            bytes = Array(String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0632))!.utf8)
        }
        let zone = try #require(Zone(identifier: item.zone))
        guard expected.first == "# exit 0" else {
            #expect(throws: ICalendarError.self) { try VCalendar.parse(bytes: bytes) }
            return
        }
        let calendar = try VCalendar.parse(bytes: bytes)
        let window = Interval(Instant(iso8601: item.start, zone: zone)!, Instant(iso8601: item.end, zone: zone)!)
        let actual: [String]
        if item.arguments.contains("--freebusy") {
            actual = calendar.busy(in: window, floating: zone).intervals.map { "\($0.start.iso8601)|\($0.end.iso8601)" }
        } else {
            actual = codePointSorted(calendar.occurrences(in: window, floating: zone).map(canonicalLine))
        }
        #expect(actual == Array(expected.dropFirst()), "\(item.file)")
    }

    /// The excluded case is not skipped: Tiaoqi must differ from the oracle's wall-clock ends there, and give exactly
    /// the RFC's exact-duration ends the oracle prints for the same file without the flag (the case before it).
    @Test func theWallClockEndCaseDiffersFromTheOracleAndMatchesTheRFCCase() throws {
        let cases = OracleCase.all()
        for number in Self.excluded.sorted() {
            let item = try #require(cases.first { $0.number == number })
            let rfc = try #require(cases.first { $0.file == item.file && $0.arguments.isEmpty })
            #expect(item.arguments.contains("--end-semantics wallclock"))
            let wallClock = try Self.expected(item)
            let exact = try Self.expected(rfc)
            #expect(wallClock.first == "# exit 0" && exact.first == "# exit 0")
            let zone = try #require(Zone(identifier: item.zone))
            let calendar = try VCalendar.parse(
                bytes: Array(try Data(contentsOf: URL(fileURLWithPath: "\(oracleFolder)/\(item.file)"))))
            let window = Interval(Instant(iso8601: item.start, zone: zone)!, Instant(iso8601: item.end, zone: zone)!)
            let actual = codePointSorted(calendar.occurrences(in: window, floating: zone).map(canonicalLine))
            #expect(actual == Array(exact.dropFirst()))
            #expect(actual != Array(wallClock.dropFirst()))
        }
    }

    static func fuzzSeeds() -> [String] {
        let folder = Fixtures.path("Tests/ICalendarTests/Fixtures/rrule-fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("seed-") }
            .sorted()
    }

    /// Fuzz cases where the oracle is wrong, by name, each with the RFC's words; none so far.
    static let fuzzExcluded: [String: String] = [:]

    @Test(arguments: fuzzSeeds())
    func fuzzCorpus(seed: String) throws {
        let folder = Fixtures.path("Tests/ICalendarTests/Fixtures/rrule-fuzz/\(seed)")
        let manifest = try String(contentsOfFile: "\(folder)/MANIFEST.tsv", encoding: .utf8)
        var checked = 0
        var failures: [String] = []
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t").map(String.init)
            let file = fields[0]
            if Self.fuzzExcluded[file] != nil { continue }
            let zone = Zone(identifier: fields[3])!
            let window = Interval(Instant(iso8601: fields[1])!, Instant(iso8601: fields[2])!)
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file)")))
            let expectedName = file.replacingOccurrences(of: ".ics", with: ".expected")
            let expected = try String(contentsOfFile: "\(folder)/\(expectedName)", encoding: .utf8).split(
                separator: "\n"
            ).map(String.init)
            let actual: [String]
            do {
                actual = codePointSorted(
                    try VCalendar.parse(bytes: bytes, strict: true).occurrences(in: window, floating: zone).map(
                        canonicalLine))
            } catch {
                failures.append("\(file): \(error)")
                continue
            }
            checked += 1
            if actual != expected {
                let missing = expected.filter { !actual.contains($0) }.prefix(2)
                let extra = actual.filter { !expected.contains($0) }.prefix(2)
                failures.append(
                    "\(file): \(expected.count) expected, \(actual.count) found; missing \(Array(missing)); extra \(Array(extra))"
                )
            }
        }
        #expect(
            failures.isEmpty,
            "\(failures.count) of \(checked) disagree:\n\(failures.prefix(15).joined(separator: "\n"))")
        #expect(checked >= 150)
    }
}
