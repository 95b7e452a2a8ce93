import Audit
import Foundation
import Itinerary
import Messages
import Reports
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

@Suite("HTML report")
struct HTMLReportTests {
    static let payload = "<script>alert(1)</script>"
    /// Breaks out of an attribute: a plain quote, and a quote carrying a combining mark (one Character, not `"`).
    static let attributePayload = "\"><img src=x onerror=alert(1)> \"\u{301} data-injected=\u{301}\"1"

    /// A week of the sample bureau: `person` takes a train to `client`'s city on `day`, meets them at 11:00, sleeps
    /// there and comes home the next morning.
    static func week(_ schedule: Schedule, team: String, trips: [(person: String, client: String, day: Int)]) throws
        -> HTMLReport.Week
    {
        let problem = schedule.problem
        let zone = problem.zone
        let timetable = schedule.timetable
        var visits: [ScheduledVisit] = []
        var legs: [Leg] = []
        var stays: [Stay] = []
        for (number, trip) in trips.enumerated() {
            let person = try #require(problem.staff.first { $0.id == trip.person })
            let client = try #require(problem.clients.first { $0.id == trip.client })
            let day = problem.days[trip.day]
            let home = person.home.cityID
            let away = client.place.cityID
            func at(_ date: LocalDate, _ hhmm: String) -> Instant { zone.instant(date, TimeOfDay(hhmm)!) }
            func leg(
                from: String, to: String, on date: LocalDate, leave: String, board: String, alight: String, door: String
            ) throws -> Leg {
                let origin = try #require(timetable.stops(in: from).first).id
                let destination = try #require(timetable.stops(in: to).first).id
                let parts = [
                    Journey.Part(
                        mode: .taxi, service: nil, tripID: nil, from: "door", to: origin, depart: at(date, leave),
                        arrive: at(date, board), price: nil),
                    Journey.Part(
                        mode: .rail, service: "G\(100 + number)", tripID: nil, from: origin, to: destination,
                        depart: at(date, board),
                        arrive: at(date, alight), price: 309),
                    Journey.Part(
                        mode: .taxi, service: nil, tripID: nil, from: destination, to: "door", depart: at(date, alight),
                        arrive: at(date, door), price: nil),
                ]
                let journey = Journey(depart: at(date, leave), arrive: at(date, door), parts: parts)
                return Leg(
                    person: person.id, fromCity: from, toCity: to, from: from == home ? "home" : client.name,
                    to: to == home ? "home" : client.name, journey: journey)
            }
            legs.append(
                try leg(from: home, to: away, on: day, leave: "06:40", board: "07:20", alight: "09:50", door: "10:30"))
            let start = at(day, "11:00")
            visits.append(
                ScheduledVisit(
                    client: client.id, clientName: client.name, city: away, staff: [person.id], start: start,
                    end: start.adding(minutes: client.meetingMinutes)))
            stays.append(Stay(person: person.id, city: away, night: day, cost: 450))
            legs.append(
                try leg(
                    from: away, to: home, on: day.adding(days: 1), leave: "08:00", board: "08:40", alight: "11:10",
                    door: "11:50"))
        }
        let score = Score(
            mustVisitsPlaced: 0, mustVisitsTotal: 0, priorityPlaced: 0, priorityTotal: 0, travelMinutes: 0, cost: 0,
            nightsAway: 0)
        var plan = Plan(
            schedule: nil, name: problem.name, timeZone: zone.identifier, days: problem.days, seed: 1, visits: visits,
            legs: legs, stays: stays, leftOut: [], score: score)
        plan.team = team
        return HTMLReport.Week(team: team, plan: plan, problem: schedule.problem, timetable: schedule.timetable)
    }

    /// Two teams planning the sample week, sun's hand-made week and three clashes; `poisoned` puts script payloads into
    /// a hand-made event, a clash explanation, a client's name and a team's name.
    static func report(language: ReportLanguage, poisoned: Bool = false) async throws -> (
        html: String, weeks: [HTMLReport.Week], clashes: [Clash]
    ) {
        var schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        if poisoned, let index = schedule.problem.clients.firstIndex(where: { $0.id == "sh01" }) {
            schedule.problem.clients[index].name = attributePayload
        }
        let zone = schedule.problem.zone
        let tuesday = schedule.problem.days[1]
        let wednesday = schedule.problem.days[2]
        let weeks = [
            try week(schedule, team: "鼓楼区", trips: [("zhou", "bj01", 1), ("chen", "sh01", 2)]),
            try week(schedule, team: poisoned ? "<b>云龙区</b>" : "云龙区", trips: [("liu", "bj01", 1)]),
        ]
        let hand = HandPlan(
            person: "sun", team: "泉山区", source: "hand/sun.ics",
            events: [
                HandPlan.Event(
                    start: zone.instant(wednesday, TimeOfDay("10:00")!),
                    end: zone.instant(wednesday, TimeOfDay("11:30")!),
                    summary: poisoned ? payload : "拜访 南京江芯微电子", location: "南京市江宁区", city: "nanjing", client: "nj01"),
                HandPlan.Event(
                    start: zone.instant(wednesday, TimeOfDay("14:00")!),
                    end: zone.instant(wednesday, TimeOfDay("15:00")!),
                    summary: "Tea with the park committee", city: "suzhou"),
            ])
        let clashes = [
            Clash(
                kind: .sameCompanyDay, severity: .warning, people: ["zhou", "liu"], clients: ["bj01"],
                teams: ["鼓楼区", "云龙区"],
                start: zone.instant(tuesday, TimeOfDay("11:00")!), end: zone.instant(tuesday, TimeOfDay("12:30")!),
                explanation: .verbatim("Two teams court 北京芯域半导体 on Tuesday"),
                remedy: Remedy(.teamsAgreeOnCompany, subject: "北京芯域半导体")),
            Clash(
                kind: .doubleBooked, severity: .error, people: ["sun"], clients: ["nj01"], teams: ["泉山区"],
                start: zone.instant(wednesday, TimeOfDay("10:30")!), end: zone.instant(wednesday, TimeOfDay("11:00")!),
                explanation: .verbatim(poisoned ? payload : "sun meets nj01 while on the 10:30 training call"),
                remedy: Remedy(
                    .moveOneOfTwo, replan: Remedy.Replan(schedule: "schedules/week 10", keeping: "plans/泉山区/plan.json"))
            ),
            Clash(
                kind: ClashKind(rawValue: AuditRule.mustVisitLeftOut.rawValue), severity: .error, clients: ["hf01"],
                explanation: .verbatim("Nobody visits 合肥皖能动力电池 this week"), remedy: Remedy(.replan)),
        ]
        let html = HTMLReport.render(
            title: poisoned ? "Week 10 \(payload)" : "徐州投促局 第10周 冲突", weeks: weeks, handPlans: [hand], clashes: clashes,
            language: language)
        return (html, weeks, clashes)
    }

    /// The part of `dom` from `start` to the first `end` after it, or nil.
    static func slice(_ dom: String, from start: String, to end: String) -> Substring? {
        guard let open = dom.range(of: start), let close = dom.range(of: end, range: open.upperBound..<dom.endIndex)
        else { return nil }
        return dom[open.lowerBound..<close.upperBound]
    }

    @Test func chromiumShowsEveryPersonAndClash() async throws {
        let (html, weeks, clashes) = try await Self.report(language: .zh)
        let folder = Fixtures.temporaryFolder("html-report")
        let page = (folder as NSString).appendingPathComponent("report.html")
        try html.write(toFile: page, atomically: true, encoding: .utf8)

        let dom = try await Chromium.dumpDOM(page)
        #expect(dom.contains("<html lang=\"zh-CN\">"))
        let people = ["zhou", "chen", "liu", "sun"]
        for id in people {
            let name = try #require(weeks[0].problem.staff.first { $0.id == id }).name
            let section = Self.slice(
                dom, from: "<section class=\"person\" id=\"person-\(id)\" data-person=\"\(id)\">", to: "</section>")
            #expect(section?.contains(name) == true, "no section for \(id) with \(name)")
        }
        for (index, clash) in clashes.enumerated() {
            let row = Self.slice(
                dom, from: "<tr id=\"clash-\(index + 1)\" class=\"clash \(clash.severity.rawValue)\">", to: "</tr>")
            #expect(
                row?.contains(clash.explanation.text(.en)) == true, "no row clash-\(index + 1) with its explanation")
            #expect(row?.contains(RemedyText.sentence(clash.remedy, language: .zh)) == true)
        }
        // zhou's Tuesday visit and sun's hand-made meeting take part in a clash; chen's Wednesday visit does not.
        let zhou = try #require(Self.slice(dom, from: "id=\"person-zhou\"", to: "</section>"))
        #expect(zhou.contains("class=\"block visit clashing\" style="))
        let sun = try #require(Self.slice(dom, from: "id=\"person-sun\"", to: "</section>"))
        #expect(sun.contains("class=\"block hand clashing\" style="))
        let chen = try #require(Self.slice(dom, from: "id=\"person-chen\"", to: "</section>"))
        #expect(chen.contains("class=\"block visit\" style=") && !chen.contains("clashing"))
        #expect(dom.contains("G100") && dom.contains("北京南"))
        let map = try #require(Self.slice(dom, from: "<svg class=\"map\"", to: "</svg>"))
        #expect(map.contains("北京") && map.contains("徐州") && map.contains("stroke-dasharray"))
        #expect(dom.contains("北京市海淀区中关村东路66号"))

        let shot = (folder as NSString).appendingPathComponent("report.png")
        try await Chromium.screenshot(page, to: shot)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int)
        #expect(size > 10_000, "screenshot is only \(size) bytes")
        print("HTML report: \(page)\nscreenshot: \(shot) (\(size) bytes)")
    }

    @Test func shortBlocksShowNoCutTextAndASharedPersonsBlocksSayTheirTeam() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let zone = schedule.problem.zone
        let wednesday = schedule.problem.days[2]
        // liu plans with two teams; zhou with one; sun keeps a 20-minute call in her hand-made week.
        let weeks = [
            try Self.week(schedule, team: "鼓楼区", trips: [("zhou", "bj01", 1)]),
            try Self.week(schedule, team: "云龙区", trips: [("liu", "bj01", 1)]),
            try Self.week(schedule, team: "泉山区", trips: [("liu", "nj01", 3)]),
        ]
        let call = HandPlan.Event(
            start: zone.instant(wednesday, TimeOfDay("10:30")!), end: zone.instant(wednesday, TimeOfDay("10:50")!),
            summary: "电话会议")
        let hand = HandPlan(person: "sun", team: "泉山区", source: "hand/sun.ics", events: [call])
        let html = HTMLReport.render(
            title: "第10周", weeks: weeks, handPlans: [hand], clashes: [], language: .zh)
        let sun = try #require(Self.slice(html, from: "id=\"person-sun\"", to: "</section>"))
        let short = try #require(Self.slice(String(sun), from: "<div class=\"block hand short\"", to: "</div>"))
        #expect(short.contains("10:30–10:50") && short.contains("电话会议") && short.hasSuffix("\"></div>"), "\(short)")
        let liu = try #require(Self.slice(html, from: "id=\"person-liu\"", to: "</section>"))
        let liuBlocks = liu.components(separatedBy: "<div class=\"block ").dropFirst()
        #expect(!liuBlocks.isEmpty)
        // Every block of the teams' weeks says whose it is; his own calendar's meetings belong to no team.
        for block in liuBlocks where !block.hasPrefix("own") {
            #expect(block.contains("<i class=\"team\">云龙区</i>") || block.contains("<i class=\"team\">泉山区</i>"))
        }
        for block in liuBlocks where block.hasPrefix("own") { #expect(!block.contains("class=\"team\"")) }
        let zhou = try #require(Self.slice(html, from: "id=\"person-zhou\"", to: "</section>"))
        #expect(!zhou.contains("class=\"team\""))
    }

    /// The meetings of a person's own calendar that hold them somewhere are on their timeline, with what and where.
    @Test func ownCalendarMeetingsAreOnTheTimeline() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let zhou = try #require(schedule.problem.staff.first { $0.id == "zhou" })
        let event = try #require(zhou.ownEvents.first)
        let weeks = [try Self.week(schedule, team: "鼓楼区", trips: [("zhou", "bj01", 1)])]
        let html = HTMLReport.render(title: "第10周", weeks: weeks, handPlans: [], clashes: [], language: .zh)
        let section = try #require(Self.slice(html, from: "id=\"person-zhou\"", to: "</section>"))
        let own = section.components(separatedBy: "<div class=\"block own").dropFirst()
        #expect(own.count >= 1)
        #expect(own.contains { $0.contains(event.summary) && $0.contains("本人日程") })
    }

    @Test func theMapNumbersEachLegWithItsDayAndNoLabelsOverlap() async throws {
        let (html, weeks, _) = try await Self.report(language: .zh)
        let map = try #require(Self.slice(html, from: "<svg class=\"map\"", to: "</svg>"))
        // Every leg between cities says its number and day in its hover text: zhou's first leg leaves on Tuesday.
        let zhou = weeks[0].plan.legs.filter { $0.person == "zhou" && $0.fromCity != $0.toCity }
        #expect(!zhou.isEmpty)
        #expect(map.contains("<title>1 周二 · 周建华: "))
        // City names and leg numbers, as boxes of their font size (CJK one em wide, the rest half): none overlap.
        var boxes: [(x: Double, y: Double, width: Double, height: Double, text: String)] = []
        for piece in map.components(separatedBy: "<text ").dropFirst() {
            guard piece.contains("paint-order"), let close = piece.firstIndex(of: ">"),
                let end = piece.range(of: "</text>")
            else { continue }
            let attributes = String(piece[..<close])
            func number(_ name: String) -> Double? {
                guard let start = attributes.range(of: " \(name)=\"") ?? attributes.range(of: "\(name)=\"") else {
                    return nil
                }
                return Double(attributes[start.upperBound...].prefix { $0 != "\"" })
            }
            let text = String(piece[piece.index(after: close)..<end.lowerBound])
            let size = attributes.contains("font-size=\"10\"") ? 10.0 : 12.0
            let width = text.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E80 ? size : size / 2) }
            let x = try #require(number("x"))
            let y = try #require(number("y"))
            boxes.append((x, y - size, width, size, text))
        }
        #expect(boxes.count >= 4, "\(boxes)")
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let apart =
                    a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
                #expect(apart, "\(a.text) overlaps \(b.text)")
            }
        }
    }

    @Test func payloadsStayText() async throws {
        let (html, _, _) = try await Self.report(language: .en, poisoned: true)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>云龙区"))
        let folder = Fixtures.temporaryFolder("html-xss")
        let page = (folder as NSString).appendingPathComponent("report.html")
        try html.write(toFile: page, atomically: true, encoding: .utf8)

        let dom = try await Chromium.dumpDOM(page)
        #expect(dom.contains("<html lang=\"en\">"))
        // The payloads are there as text (Chromium escapes < and > in text and in attribute values when it serializes)…
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(dom.contains("&lt;b&gt;云龙区&lt;/b&gt;"))
        let row = try #require(Self.slice(dom, from: "<tr id=\"clash-2\"", to: "</tr>"))
        #expect(row.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let sun = try #require(Self.slice(dom, from: "id=\"person-sun\"", to: "</section>"))
        #expect(sun.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // …and none became an element or an attribute: no script, no image, no bold team, no event handler.
        #expect(!dom.contains("<script"))
        #expect(!dom.contains("<img"))
        #expect(!dom.contains("<b>云龙区"))
        #expect(!dom.contains(" onerror=\""))
        #expect(!html.contains(" data-injected=") && !dom.contains(" data-injected="))
        #expect(!dom.lowercased().contains("<iframe") && !dom.lowercased().contains("<object"))
    }

    @Test func theRawPageIsSelfContained() async throws {
        let (html, _, _) = try await Self.report(language: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let hasScriptLinkOrSource = html.contains("<script") || html.contains("<link") || html.contains("src=")
        #expect(!hasScriptLinkOrSource)
        let external = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!external.contains("http://") && !external.contains("https://") && !external.contains("url("))
        #expect(html.contains("<h2>Clashes (3)</h2>"))
        #expect(html.contains("2 errors, 1 warning"))
        #expect(html.contains("must-visit"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func anEmptyReportStillRenders(language: ReportLanguage) {
        let html = HTMLReport.render(title: "A & B", weeks: [], handPlans: [], clashes: [], language: language)
        #expect(html.contains("<title>A &amp; B</title>"))
        #expect(html.contains(language == .zh ? "没有冲突。" : "No clashes."))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test(arguments: [
        (["LANG": "zh_CN.UTF-8"], ReportLanguage.zh),
        (["LANG": "en_US.UTF-8"], .en),
        (["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], .zh),
        (["LC_ALL": "C", "LANG": "zh_CN.UTF-8"], .en),
        (["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_GB.UTF-8"], .zh),
        (["LC_ALL": "", "LANG": "zh_CN.UTF-8"], .zh),
        ([:], .en),
    ])
    func languageFromTheEnvironment(environment: [String: String], expected: ReportLanguage) {
        #expect(ReportLanguage.fromEnvironment(environment) == expected)
    }
}
