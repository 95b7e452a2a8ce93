import Foundation
import ICalendar
import TestSupport
import Testing
import Timeline

/// One random recurring busy event and the week it is looked at in.
struct BusyCase: Codable {
    var rule: String
    var dtstart: Int64
    var from: Int64
    var to: Int64
    var duration: Int64
}

/// SplitMix64: the cases are the same on every run and machine.
struct SeededRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func some<T: Hashable>(_ items: [T], upTo most: Int) -> [T] {
        var chosen: [T] = []
        for _ in 0..<Int(int(1...Int64(most))) {
            let item = pick(items)
            if !chosen.contains(item) { chosen.append(item) }
        }
        return chosen
    }
}

/// Random recurring events: every FREQ, INTERVAL up to 100,000, COUNT (up to a billion) or UNTIL, BY-parts,
/// Friday-the-13th and leap-day-Monday rules, DTSTART up to 40 years before a week between 2021 and 2046.
enum BusyCaseGenerator {
    static let frequencies = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]
    static let unit: [String: Int64] = [
        "SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86_400, "WEEKLY": 604_800, "MONTHLY": 2_629_746,
        "YEARLY": 31_556_952,
    ]
    static let intervals: [String: [Int64]] = [
        "SECONDLY": [2, 15, 60, 90, 3600, 7200, 100_000], "MINUTELY": [2, 5, 15, 45, 100, 1440, 100_000],
        "HOURLY": [2, 3, 5, 7, 24, 100], "DAILY": [2, 3, 7, 10, 400], "WEEKLY": [2, 3, 4, 52],
        "MONTHLY": [2, 3, 6, 12, 25],
        "YEARLY": [2, 3, 4, 100],
    ]
    /// Weeks holding a Friday the 13th of March, and a Monday 29 February.
    static let fridayThe13thOfMarch = ["2026-03-13", "2037-03-13", "2043-03-13", "2048-03-13"]
    static let fridaysThe13th = [
        "2026-02-13", "2026-11-13", "2027-08-13", "2028-10-13", "2029-07-13", "2030-09-13", "2031-06-13", "2032-08-13",
    ]
    static let leapMondays = ["2044-02-29", "2072-02-29"]
    static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    static func monday(of day: LocalDate) -> Instant {
        Zone.utc.day(day.adding(days: -((day.weekday.rawValue - Weekday.monday.rawValue + 7) % 7))).start
    }

    static func make(_ random: inout SeededRandom) -> BusyCase {
        var frequency = random.pick(frequencies)
        var interval: Int64 = random.chance(0.6) ? 1 : random.pick(intervals[frequency]!)
        var parts: [String] = []
        var from = monday(of: LocalDate(daysSinceEpoch: random.int(18_631...28_124)))  // 2021-01-04 ... 2046-12-31
        let rare = random.chance(0.15)
        if rare {
            interval = 1
            switch random.int(0...2) {
            case 0:
                frequency = "YEARLY"
                parts = ["BYMONTH=3", "BYMONTHDAY=13", "BYDAY=FR"]
                from = monday(of: LocalDate(iso: random.pick(fridayThe13thOfMarch))!)
            case 1:
                frequency = "MONTHLY"
                parts = ["BYMONTHDAY=13", "BYDAY=FR"]
                from = monday(of: LocalDate(iso: random.pick(fridaysThe13th))!)
            default:
                frequency = "YEARLY"
                parts = ["BYMONTH=2", "BYMONTHDAY=29", "BYDAY=MO"]
                from = monday(of: LocalDate(iso: random.pick(leapMondays))!)
            }
        } else {
            let ordinalOK = frequency == "MONTHLY" || frequency == "YEARLY"
            if random.chance(0.3) {
                if ordinalOK && random.chance(0.3) {
                    parts.append("BYDAY=\(random.pick([-2, -1, 1, 2, 3, 4]))\(random.pick(weekdays))")
                } else {
                    parts.append("BYDAY=" + random.some(weekdays, upTo: 3).joined(separator: ","))
                }
            }
            if random.chance(0.15) {
                parts.append("BYMONTH=" + random.some(Array(1...12), upTo: 3).map(String.init).joined(separator: ","))
            }
            // (No BYMONTHDAY beside an ordinal BYDAY, and none past the 28th: rules that never match send dateutil
            // walking to the year 9999.)
            if frequency != "WEEKLY"
                && !parts.contains(where: {
                    $0.contains("BYDAY=-") || $0.contains("BYDAY=1") || $0.contains("BYDAY=2")
                        || $0.contains("BYDAY=3") || $0.contains("BYDAY=4")
                }) && random.chance(0.15)
            {
                parts.append(
                    "BYMONTHDAY="
                        + random.some(Array(-28...28).filter { $0 != 0 }, upTo: 3).map(String.init).joined(
                            separator: ","))
            }
            if random.chance(0.2) {
                parts.append("BYHOUR=" + random.some(Array(0...23), upTo: 3).map(String.init).joined(separator: ","))
            }
            if random.chance(0.15) {
                parts.append("BYMINUTE=" + random.some(Array(0...59), upTo: 3).map(String.init).joined(separator: ","))
            }
            if random.chance(0.1) {
                parts.append("BYSECOND=" + random.some(Array(0...59), upTo: 3).map(String.init).joined(separator: ","))
            }
            // BYSETPOS where every period has several candidates (else dateutil walks to 9999 for nothing).
            if ["WEEKLY", "MONTHLY", "YEARLY"].contains(frequency),
                let days = parts.first(where: { $0.hasPrefix("BYDAY=") }), days.contains(","),
                random.chance(0.3)
            {
                parts.append("BYSETPOS=\(random.pick([-1, 1]))")
            }
        }
        // dateutil takes a second or two to list a week of every second: keep such dense rules to a few.
        let filtered = parts.contains {
            $0.hasPrefix("BYHOUR") || $0.hasPrefix("BYMINUTE") || $0.hasPrefix("BYSECOND") || $0.hasPrefix("BYSETPOS")
        }
        if frequency == "SECONDLY" && interval < 20 && !filtered {
            interval = random.chance(0.1) ? random.int(20...29) : random.pick([60, 90, 3600, 7200, 100_000])
        }
        // Tiaoqi reads FREQ=YEARLY;BYMONTHDAY without BYMONTH in DTSTART's month (RecurrenceIterator), dateutil in
        // every month: a known, documented difference, so such rules name their month.
        if frequency == "YEARLY" && parts.contains(where: { $0.hasPrefix("BYMONTHDAY") })
            && !parts.contains(where: { $0.hasPrefix("BYMONTH=") })
        {
            parts.append("BYMONTH=\(random.int(1...12))")
        }
        // A DAILY rule stepping whole weeks meets one weekday only: BYDAY then rarely matches, and dateutil walks on.
        if frequency == "DAILY" && interval % 7 == 0 {
            parts.removeAll { $0.hasPrefix("BYDAY") || $0.hasPrefix("BYSETPOS") }
        }
        let step = unit[frequency]! * interval
        let tier = random.pick([7 * 86_400, 60 * 86_400, 5 * 365 * 86_400, 40 * 365 * 86_400] as [Int64])
        var back = random.int(0...tier)
        let hasBy = !parts.isEmpty
        let counted = random.chance(0.35)
        // dateutil walks every period from DTSTART to count instances: keep those walks short where no shortcut
        // applies (a BY-part on a rule finer than a day).
        if counted && hasBy && unit[frequency]! < 86_400 { back = min(back, 20_000 * step) }
        var dtstart = from.seconds - back
        if unit[frequency]! >= 86_400 { dtstart -= dtstart % 60 }
        let duration: Int64 =
            frequency == "SECONDLY"
            ? random.int(1...900) : frequency == "MINUTELY" ? random.int(60...7200) : random.int(900...14_400)
        var rule = ["FREQ=\(frequency)"]
        if interval > 1 { rule.append("INTERVAL=\(interval)") }
        if counted {
            let before = max(1, (from.seconds - dtstart) / step)
            rule.append("COUNT=\(random.chance(0.1) ? 1_000_000_000 : random.int(1...(2 * before + 10)))")
        } else if random.chance(0.25) {
            rule.append("UNTIL=" + DateTimeValue.utc(from + random.int(-3 * 86_400...9 * 86_400)).icalendarText)
        }
        return BusyCase(
            rule: (rule + parts).joined(separator: ";"), dtstart: dtstart, from: from.seconds,
            to: from.seconds + 7 * 86_400, duration: duration)
    }
}

@Suite("Busy time agrees with an independent oracle (python-dateutil)")
struct BusyOracleTests {
    /// Runs the oracle script under `.venv-test` (where `scripts/ensure-deps --tests` installs Radicale, and with it
    /// python-dateutil): one line of instance starts per case.
    func oracle(_ cases: [BusyCase]) throws -> [String] {
        let python = Fixtures.path(".venv-test/bin/python")
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "run scripts/ensure-deps --tests: it makes .venv-test with python-dateutil")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Fixtures.path("Tests/ICalendarTests/Fixtures/busy-oracle/oracle.py")]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Never a hang: the oracle gets 30 seconds (it needs a few).
        let running = process
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) {
            if running.isRunning { kill(running.processIdentifier, SIGKILL) }
        }
        let json = try JSONEncoder().encode(cases)
        // TIAOQI_BUSY_CASES=FILE keeps the cases, to run the oracle on them by hand.
        if let dump = ProcessInfo.processInfo.environment["TIAOQI_BUSY_CASES"] {
            try json.write(to: URL(fileURLWithPath: dump))
        }
        input.fileHandleForWriting.write(json)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the oracle failed or took over 30 s")
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map(String.init)
    }

    @Test func everyOracleInstanceIsBusyInThePlannersModel() throws {
        var random = SeededRandom(state: 13)
        let cases = (0..<300).map { _ in BusyCaseGenerator.make(&random) }
        let expected = try oracle(cases)
        try #require(expected.count == cases.count)
        var failures: [String] = []
        var refused = 0
        var checked = 0
        var instances = 0
        var warned = 0
        let allDay = DailyHours(opens: TimeOfDay(minutes: 0), closes: TimeOfDay(minutes: 1440))!
        for (item, line) in zip(cases, expected) {
            // (A client's free time, checked on every third case: it expands the calendar again.)
            if line.hasPrefix("timeout:") {
                failures.append("RRULE:\(item.rule): the oracle \(line)")
                continue
            }
            if line.hasPrefix("error:") {
                refused += 1
                continue
            }
            let text = calendarText([
                "UID:case\nDTSTART:\(DateTimeValue.utc(Instant(seconds: item.dtstart)).icalendarText)\nDURATION:PT\(item.duration)S\nRRULE:\(item.rule)"
            ])
            let calendar: VCalendar
            do {
                calendar = try VCalendar.parse(text, strict: true)
            } catch {
                failures.append("\(item.rule) from \(item.dtstart): refused: \(error)")
                continue
            }
            checked += 1
            let week = Interval(Instant(seconds: item.from), Instant(seconds: item.to))
            var warnings: [Diagnostic] = []
            // What the planner is fed: a staff member's busy time, and a client's free time.
            let busy = calendar.busy(in: week, floating: .utc, diagnostics: &warnings)
            let days = (0..<7).map { Zone.utc.date(of: week.start).adding(days: $0) }
            let free = checked % 3 == 0 ? calendar.freeTime(hours: allDay, on: days, zone: .utc) : IntervalSet()
            if !warnings.isEmpty { warned += 1 }
            let fields = line.split(separator: " ")
            instances += Int(fields[0])!
            let spans = fields.dropFirst().map { field in
                let ends = field.split(separator: "-").map { Instant(seconds: Int64($0)!) }
                return Interval(ends[0], ends[1])
            }
            for span in spans where !busy.contains(span) || free.overlaps(span) {
                failures.append(
                    "DTSTART \(Instant(seconds: item.dtstart).iso8601) RRULE:\(item.rule): \(span) is not busy")
                break
            }
            // And nothing more, unless a limit was said: busy time is the oracle's instances and DTSTART's own.
            if warnings.isEmpty {
                var known = IntervalSet(spans)
                known.insert(Interval(Instant(seconds: item.dtstart), Instant(seconds: item.dtstart + item.duration)))
                if !busy.subtracting(known).isEmpty {
                    failures.append(
                        "DTSTART \(Instant(seconds: item.dtstart).iso8601) RRULE:\(item.rule): extra busy \(busy.subtracting(known).intervals.prefix(2))"
                    )
                }
            }
        }
        #expect(
            failures.isEmpty,
            "\(failures.count) of \(checked) cases fail:\n\(failures.prefix(12).joined(separator: "\n"))")
        #expect(checked >= 270 && refused <= 30, "\(checked) checked, \(refused) refused by the oracle")
        #expect(instances > 1000 && warned <= 30, "\(instances) instances, \(warned) cases warned")
    }
}
