import Foundation
import ICalendar
import Itinerary
import Schedules
import TestSupport
import Testing
import Travel

@Suite("Per-person calendars")
struct ExportTests {
    /// UID → component of every VEVENT in an exported calendar.
    private func events(_ path: String) throws -> [String: Component] {
        let calendar = try VCalendar.parse(String(contentsOfFile: path, encoding: .utf8), strict: true)
        let root = try #require(calendar.components.first { $0.name == "VCALENDAR" })
        var result: [String: Component] = [:]
        for event in root.components where event.name == "VEVENT" {
            let uid = try #require(event.property("UID")?.value)
            #expect(result[uid] == nil, "UID \(uid) repeats")
            result[uid] = event
        }
        return result
    }

    @Test func trainsHaveRemindersAndReplanningKeepsEveryUID() async throws {
        let out = Fixtures.temporaryFolder("export")
        #expect(
            try await tiaoqiOffThePool([
                "plan", "schedules/2022-w10", "--out", out, "--seconds", "0.05", "--lang", "zh",
            ]).status == 0)
        let plan = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        let first = try events("\(out)/zhou.ics")
        let trains = first.values.filter {
            $0.property("SUMMARY")?.value.range(of: #"^[GDCKZT]\d+ "#, options: .regularExpression) != nil
        }
        #expect(!trains.isEmpty)
        // One reminder per leg, on its first train or flight.
        let alarms = first.values.compactMap { $0.components.first { $0.name == "VALARM" } }
        #expect(
            alarms.count == plan.legs.filter { $0.person == "zhou" && $0.parts.contains { $0.mode != .taxi } }.count)
        for alarm in alarms {
            #expect(alarm.property("ACTION")?.value == "DISPLAY")
            #expect(alarm.property("TRIGGER")?.value.hasPrefix("-PT") == true)
        }
        let visits = plan.visits.filter { $0.staff.contains("zhou") }
        #expect(first.keys.filter { $0.hasPrefix("visit-") }.count == visits.count)
        #expect(first.values.contains { $0.property("SUMMARY")?.value.hasPrefix("住宿") == true })
        // The same week planned again, keeping the plan: a calendar app re-importing it updates, never duplicates.
        #expect(
            try await tiaoqiOffThePool([
                "plan", "schedules/2022-w10", "--keep", "\(out)/plan.json", "--out", out, "--seconds", "0.05",
            ]).status == 0)
        #expect(Set(try events("\(out)/zhou.ics").keys) == Set(first.keys))
    }

    /// A client name, address and staff name that try to start lines of their own in every officer's calendar.
    @Test func namesFromTheScheduleCannotInjectLines() async throws {
        let folder = Fixtures.copy(Fixtures.sampleWeek)
        let name =
            "北京芯域\r\nURL:http://evil.example/a\r\nBEGIN:VALARM\r\nACTION:EMAIL\r\nATTENDEE:mailto:all@evil.example\r\nEND:VALARM\r\nX-A;B=\"c\":d, e\\f\u{07}"
        let address =
            "海淀区\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:injected\r\nDTSTART:20220308T010000Z\r\nDTEND:20220308T020000Z\r\nSUMMARY:fake"
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let clients = "\(folder)/clients.csv"
        Fixtures.edit(clients, replacing: "北京芯域半导体科技有限公司", with: quoted(name))
        Fixtures.edit(clients, replacing: "北京市海淀区中关村东路66号芯域大厦", with: quoted(address))
        Fixtures.edit(
            "\(folder)/plan.yaml", replacing: "name: 刘海峰",
            with: #"name: "刘海峰\r\nURL:http://evil.example/s\r\nBEGIN:VALARM\r\nACTION:EMAIL\r\nEND:VALARM""#)
        let out = Fixtures.temporaryFolder("export")
        let run = try await tiaoqiOffThePool(["plan", folder, "--out", out, "--seconds", "0.05", "--lang", "zh"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        let visit = try #require(plan.visits.first { $0.client == "bj01" })
        #expect(visit.clientName.contains("URL:http://evil.example/a"))
        // What a reader gets back: the text, with its line breaks as LF and the control character gone.
        let expectedName = name.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
            of: "\u{07}", with: "")
        let expectedAddress = address.replacingOccurrences(of: "\r\n", with: "\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".ics") }
        #expect(files.count == 4)
        for file in files {
            let person = String(file.dropLast(4))
            let text = try String(contentsOfFile: "\(out)/\(person).ics", encoding: .utf8)
            for line in text.components(separatedBy: "\r\n") {
                #expect(
                    !line.hasPrefix("URL") && !line.hasPrefix("ATTENDEE") && !line.hasPrefix("ACTION:EMAIL")
                        && !line.hasPrefix("UID:injected"))
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }, "\(line)")
            }
            let calendar = try VCalendar.parse(text, strict: true)
            let root = try #require(calendar.components.first)
            // Exactly Tiaoqi's events: one per visit, train or flight, and hotel night, and Tiaoqi's own reminders.
            let expected =
                plan.visits.filter { $0.staff.contains(person) }.count
                + plan.legs.filter { $0.person == person }.flatMap(\.parts).filter { $0.mode != .taxi }.count
                + plan.stays.filter { $0.person == person }.count
            #expect(root.components.count == expected)
            #expect(calendar.events.allSatisfy { $0.uid.hasSuffix("@tiaoqi") })
            for event in root.components {
                #expect(event.name == "VEVENT")
                #expect(event.property("URL") == nil)
                for alarm in event.components {
                    #expect(
                        alarm.name == "VALARM" && alarm.property("ACTION")?.value == "DISPLAY"
                            && alarm.property("ATTENDEE") == nil)
                }
            }
            if person == "liu" {
                #expect(
                    root.property("X-WR-CALNAME")?.value.hasPrefix(#"刘海峰\nURL:http://evil.example/s\nBEGIN:VALARM"#)
                        == true)
                let event = try #require(calendar.events.first { $0.uid == "visit-bj01-liu-2022-03-07@tiaoqi" })
                #expect(event.summary == "拜访 " + expectedName)
                #expect(event.location == expectedAddress)
                // Whom to call there, from clients.csv's contact column.
                let visit = try #require(root.components.first { $0.property("UID")?.value == event.uid })
                #expect(visit.property("DESCRIPTION")?.value.contains("联系人：王经理 0000-0001") == true)
            }
        }
    }
}
