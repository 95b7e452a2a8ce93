import Foundation
import ICalendar
import TestSupport
import Testing
import Timeline

@Suite("Content lines, diagnostics and writing")
struct ParsingTests {
    @Test func foldsInsideAMultiByteCharacterAndABOMAndLFEndings() throws {
        // The fold splits a UTF-8 sequence, so the file is not valid UTF-8 until it is unfolded.
        let bytes = try Data(
            contentsOf: URL(fileURLWithPath: Fixtures.path("Tests/ICalendarTests/Fixtures/folded.ics")))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        let calendar = try VCalendar.parse(bytes: Array(bytes), strict: true)
        #expect(calendar.events.first?.summary == "徐州投资促进局, 拜访; 客户\n第二行")
    }

    @Test func aBrokenLineIsADiagnosticWithItsLineInLenientMode() throws {
        let calendar = try VCalendar.parse(try fixture("broken.ics"))
        #expect(calendar.events.map(\.uid) == ["ok@example.com"])
        let lines = calendar.diagnostics.map(\.line).sorted()
        #expect(lines == [14, 18])
        #expect(calendar.diagnostics.contains { $0.line == 14 && $0.message.contains("not a DATE") })
    }

    @Test func strictModeStopsAtTheFirstBadLine() throws {
        let error = #expect(throws: ICalendarError.self) {
            try VCalendar.parse(try fixture("broken.ics"), strict: true)
        }
        #expect(error?.line == 14)
    }

    @Test func anITIPMessageMayNameAnEventWithoutItsTimeButACalendarMayNot() throws {
        // RFC 5545 §3.6.1 and RFC 5546 §3.2: DTSTART is required without METHOD and in PUBLISH (a DECLINECOUNTER
        // names the event by UID and SEQUENCE alone).
        let event = [
            "BEGIN:VEVENT", "UID:slot-1@tiaoqi", "DTSTAMP:20220301T080000Z", "SEQUENCE:0",
            "ORGANIZER:mailto:zhou@example.com", "COMMENT:not then", "END:VEVENT",
        ]
        func calendar(_ method: [String]) -> String {
            (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN"] + method + event + ["END:VCALENDAR", ""])
                .joined(separator: "\r\n")
        }
        for method in ["DECLINECOUNTER", "REPLY", "cancel ", "REFRESH"] {
            let message = try VCalendar.parse(calendar(["METHOD:\(method)"]), strict: true)
            #expect(message.events.isEmpty && message.diagnostics.isEmpty, "\(method)")
        }
        // An event of such a message with its time is still read.
        let timed = try VCalendar.parse(
            calendar(["METHOD:REPLY"]).replacingOccurrences(
                of: "SEQUENCE:0", with: "SEQUENCE:0\r\nDTSTART:20220307T010000Z\r\nDTEND:20220307T020000Z"),
            strict: true)
        #expect(timed.events.map(\.uid) == ["slot-1@tiaoqi"])
        for method in [[], ["METHOD:PUBLISH"], ["METHOD:REQUEST"], ["METHOD:COUNTER"]] {
            let error = #expect(throws: ICalendarError.self) { try VCalendar.parse(calendar(method), strict: true) }
            #expect(error?.line == 4 + method.count)
        }
    }

    @Test func anHTMLErrorPageIsRefused() throws {
        let error = #expect(throws: ICalendarError.self) { try VCalendar.parse(try fixture("error-page.ics")) }
        #expect(error?.message.contains("HTML") == true)
    }

    @Test func aTruncatedFileIsReported() throws {
        let text = try fixture("recurring.ics")
        let truncated = String(text.prefix(text.count / 2))
        // Refused even when lenient: a truncated feed must never stand in for the whole calendar.
        let error = #expect(throws: ICalendarError.self) { try VCalendar.parse(truncated) }
        #expect(error?.message.contains("truncated") == true)
        #expect(throws: ICalendarError.self) { try VCalendar.parse(truncated, strict: true) }
    }

    @Test func writtenCalendarsFoldAt75OctetsAndReadBack() throws {
        let long = String(repeating: "拜访客户并洽谈项目合作事宜，", count: 8)
        let event = Component(
            name: "VEVENT",
            properties: [
                ContentLine(name: "UID", value: "x@tiaoqi"), ContentLine(name: "DTSTAMP", value: "20220301T000000Z"),
                ContentLine(name: "DTSTART", value: "20220307T010000Z"),
                ContentLine(name: "DTEND", value: "20220307T020000Z"),
                .text("SUMMARY", long + "; a,b"),
            ])
        let text = ICalendarWriter.write([
            Component(name: "VCALENDAR", properties: [ContentLine(name: "VERSION", value: "2.0")], components: [event])
        ])
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        let parsed = try VCalendar.parse(text, strict: true)
        #expect(parsed.events.first?.summary == long + "; a,b")
    }

    @Test(arguments: ["PT1H30M", "P1D", "P1W", "-PT15M", "P1DT2H"])
    func durationsParse(text: String) throws {
        let duration = try #require(CalendarDuration(text))
        let expected: [String: (Int, Int64)] = [
            "PT1H30M": (0, 5400), "P1D": (1, 0), "P1W": (7, 0), "-PT15M": (0, -900), "P1DT2H": (1, 7200),
        ]
        #expect(duration.days == expected[text]!.0)
        #expect(duration.seconds == expected[text]!.1)
    }
}

@Suite("Inputs that once crashed or hung")
struct FuzzRegressionTests {
    static func files() -> [String] {
        let folder = Fixtures.path("Tests/ICalendarTests/Fixtures/fuzz-regressions")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// What each input does: nil when the (lenient) parser refuses it, else how many occurrences it has on 2024-01-01
    /// (UTC). None is refused: the lenient reader skips the broken lines and events with a warning (a DURATION of
    /// 10^18 weeks, INTERVAL 4·10^15, BYMONTH=13), ignores an end that is long before or after the start, keeps
    /// DTSTART as the first instance of a rule that never matches (RFC 5545 §3.8.5.3), and counts a rule with more than
    /// `RecurrenceLimits.maximumInstances` instances near the window as one span.
    static let outcomes: [String: Int?] = [
        "allday-end-before-start.ics": 0,
        "end-1800-years-before-start.ics": 2,
        "end-2000-years-after-start.ics": 0,
        "huge-duration.ics": 0,
        "never-matching-rule.ics": 1,
        "review-hostile-rules.ics": 1,
        "secondly-since-1970.ics": 1,
    ]

    @Test func everyInputIsHereWithItsOutcome() {
        #expect(!Self.files().isEmpty)
        #expect(Set(Self.files()) == Set(Self.outcomes.keys))
    }

    @Test(arguments: files())
    func parsesAndExpandsWithoutCrashing(file: String) throws {
        let bytes = try Data(
            contentsOf: URL(fileURLWithPath: Fixtures.path("Tests/ICalendarTests/Fixtures/fuzz-regressions/\(file)")))
        let started = ContinuousClock.now
        let outcome: Int?
        do {
            let calendar = try VCalendar.parse(bytes: Array(bytes))
            let window = Interval(Instant(iso8601: "2024-01-01T00:00:00Z")!, Instant(iso8601: "2024-01-02T00:00:00Z")!)
            let occurrences = calendar.occurrences(in: window, floating: shanghai)
            #expect(occurrences.allSatisfy { $0.interval.start <= $0.interval.end })
            #expect(occurrences.count <= 86_400)
            outcome = occurrences.count
        } catch {
            #expect(!error.message.isEmpty)
            outcome = nil
        }
        #expect(outcome == Self.outcomes[file] ?? -2, "\(file): \(outcome.map(String.init) ?? "refused")")
        #expect(ContinuousClock.now - started < .seconds(10), "\(file) took \(ContinuousClock.now - started)")
    }
}
