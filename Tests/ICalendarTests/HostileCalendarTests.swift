import Foundation
import ICalendar
import Messages
import TestSupport
import Testing
import Timeline

/// A calendar of events written as VEVENT bodies (without BEGIN/END), CRLF line ends.
func calendarText(_ events: [String]) -> String {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tiaoqi tests//EN"]
    for event in events { lines += ["BEGIN:VEVENT"] + event.split(separator: "\n").map(String.init) + ["END:VEVENT"] }
    return (lines + ["END:VCALENDAR", ""]).joined(separator: "\r\n")
}

/// A window from two UTC ISO date-times.
func window(_ from: String, _ to: String) -> Interval { Interval(Instant(iso8601: from)!, Instant(iso8601: to)!) }

@Suite("Hostile calendars: deep nesting, many overrides, rules at their limits, nonsense values")
struct HostileCalendarTests {
    /// 1.4 MB of BEGIN: blocks 70,000 deep, as in issue 13.
    static func deeplyNested(_ depth: Int) -> [UInt8] {
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        text.reserveCapacity(depth * 20)
        for _ in 1..<depth { text += "BEGIN:X-DEEP\r\n" }
        for _ in 1..<depth { text += "END:X-DEEP\r\n" }
        return Array((text + "END:VCALENDAR\r\n").utf8)
    }

    @Test func seventyThousandDeepIsAnErrorNamingTheLineNotACrash() throws {
        let bytes = Self.deeplyNested(70_000)
        #expect(bytes.count > 1_300_000)
        let deepLine = 2 + ComponentBuilder.maximumDepth  // VCALENDAR on line 1 is depth 1
        for strict in [false, true] {
            let error = #expect(throws: ICalendarError.self) { try VCalendar.parse(bytes: bytes, strict: strict) }
            #expect(error?.line == deepLine)
            #expect(error?.message.contains("more than \(ComponentBuilder.maximumDepth) deep") == true)
        }
        // The feed fetcher's check: such a download never replaces the cached copy.
        let problem = try #require(VCalendar.structuralProblem(bytes))
        #expect(problem.text(.en).contains("line \(deepLine)"))
    }

    @Test func aFoldedBeginIsJudgedAsTheParserReadsIt() throws {
        // "BEGIN:VEV" + fold + "ENT": one logical line, BEGIN:VEVENT, closed by its END.
        let text =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEV\r\n ENT\r\nUID:a\r\nDTSTART:20220307T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        #expect(VCalendar.structuralProblem(Array(text.utf8)) == nil)
        #expect(try VCalendar.parse(text, strict: true).events.count == 1)
        // And a folded BEGIN:VCALENDAR still counts as opened.
        let calendar = "BEGIN:VCAL\r\n ENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
        #expect(VCalendar.structuralProblem(Array(calendar.utf8)) == nil)
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let fine = Self.deeplyNested(ComponentBuilder.maximumDepth)
        #expect(VCalendar.structuralProblem(fine) == nil)
        _ = try VCalendar.parse(bytes: fine)
        let tooDeep = Self.deeplyNested(ComponentBuilder.maximumDepth + 1)
        #expect(VCalendar.structuralProblem(tooDeep) != nil)
        #expect(throws: ICalendarError.self) { try VCalendar.parse(bytes: tooDeep) }
        // Unclosed siblings nest as the parser reads them, and an END closes everything left open inside it.
        let siblings = "BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:VEVENT\r\n", count: 40) + "END:VCALENDAR\r\n"
        #expect(VCalendar.structuralProblem(Array(siblings.utf8)) != nil)
        #expect(throws: ICalendarError.self) { try VCalendar.parse(siblings) }
    }

    /// A counted monthly series of Mondays from 2000 (four or five a month, so no arithmetic skip) whose 2,000 weekly instances from 2001 on are each moved into one week of
    /// 2040: a counted rule may walk from DTSTART, and must do so once, not once per override.
    @Test func manyOverridesOfACountedRuleExpandInOneWalk() throws {
        var events = [
            "UID:counted\nDTSTART:20000103T090000Z\nDTEND:20000103T100000Z\nRRULE:FREQ=MONTHLY;BYDAY=MO;COUNT=1000000\nSUMMARY:weekly"
        ]
        let first = LocalDate(year: 2001, month: 1, day: 1)!  // a Monday
        for k in 0..<2_000 {
            let day = first.adding(days: 7 * k).description.replacingOccurrences(of: "-", with: "")
            let minute = String(k % 60).count == 1 ? "0\(k % 60)" : "\(k % 60)"
            events.append(
                "UID:counted\nRECURRENCE-ID:\(day)T090000Z\nDTSTART:20400102T1\(k % 10)\(minute)00Z\nDTEND:20400102T1\(k % 10)\(minute)30Z\nSUMMARY:moved \(k)"
            )
        }
        let calendar = try VCalendar.parse(calendarText(events), strict: true)
        let clock = ContinuousClock.now
        let occurrences = calendar.occurrences(
            in: window("2040-01-02T00:00:00Z", "2040-01-03T00:00:00Z"), floating: .utc)
        #expect(ContinuousClock.now - clock < .seconds(10), "a hang guard: one walk per override took 26 s")
        // Every moved instance, and the series' own Monday 2040-01-02 09:00.
        #expect(occurrences.filter { $0.summary?.hasPrefix("moved") ?? false }.count == 2_000)
        #expect(
            occurrences.contains {
                $0.summary == "weekly" && $0.interval.start == Instant(iso8601: "2040-01-02T09:00:00Z")!
            })
    }

    /// One daily series with 20,000 overrides, each moving its instance an hour later, every 1,000th also for all
    /// later instances (RANGE=THISANDFUTURE, moving them two hours later).
    @Test func twentyThousandOverridesApplyInOnePass() throws {
        var events = ["UID:many\nDTSTART:20000101T090000Z\nDTEND:20000101T100000Z\nRRULE:FREQ=DAILY\nSUMMARY:daily"]
        let first = LocalDate(year: 2000, month: 1, day: 1)!
        for k in 0..<20_000 {
            let day = first.adding(days: k).description.replacingOccurrences(of: "-", with: "")
            let range = k % 1000 == 999 ? ";RANGE=THISANDFUTURE" : ""
            let hour = k % 1000 == 999 ? "11" : "10"
            events.append(
                "UID:many\nRECURRENCE-ID\(range):\(day)T090000Z\nDTSTART:\(day)T\(hour)0000Z\nDTEND:\(day)T\(hour)3000Z\nSUMMARY:moved \(k)"
            )
        }
        let calendar = try VCalendar.parse(calendarText(events), strict: true)
        let clock = ContinuousClock.now
        // Days 19,990–19,999 are overridden one by one; days from 20,000 on follow the last THISANDFUTURE (day 19,999).
        let from = first.adding(days: 19_990)
        let occurrences = calendar.occurrences(
            in: Interval(Zone.utc.day(from).start, Zone.utc.day(from.adding(days: 14)).start), floating: .utc)
        #expect(ContinuousClock.now - clock < .seconds(30), "a hang guard: quadratic overrides took minutes")
        #expect(occurrences.count == 14)
        for (index, occurrence) in occurrences.enumerated() {
            let day = from.adding(days: index)
            let k = 19_990 + index
            if k < 19_999 {
                #expect(
                    occurrence.interval
                        == Interval(
                            Zone.utc.instant(day, TimeOfDay(minutes: 600)),
                            Zone.utc.instant(day, TimeOfDay(minutes: 630))))
                #expect(occurrence.summary == "moved \(k)")
            } else {
                #expect(
                    occurrence.interval
                        == Interval(
                            Zone.utc.instant(day, TimeOfDay(minutes: 660)),
                            Zone.utc.instant(day, TimeOfDay(minutes: 690))))
                #expect(occurrence.summary == "moved 19999")
            }
        }
    }
}
