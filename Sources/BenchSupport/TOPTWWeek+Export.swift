import Foundation
import GTFS
import Itinerary
import Schedules
import Timeline
import Travel

extension TOPTWWeek {
    /// Writes the week as a schedule folder `tiaoqi plan` reads (plan.yaml, clients.csv, places.csv, matrix.csv and a
    /// calendar per site that is busy outside its window), so that the product's loader can be checked against the
    /// benchmark's reader. Scores must be 1–10, the priorities clients.csv takes; meetings 5–720 minutes.
    public func writeSchedule(to folder: String) throws(ScheduleError) {
        let problem = problem
        guard problem.clients.allSatisfy({ (1...10).contains($0.priority) && (5...720).contains($0.meetingMinutes) })
        else {
            throw ScheduleError(
                file: folder,
                "the instance has scores outside 1–10 or services outside 5–720 minutes, which clients.csv cannot hold")
        }
        let zone = problem.zone
        func stamp(_ instant: Instant) -> String {
            let (date, seconds) = (
                zone.date(of: instant), instant.seconds - zone.day(zone.date(of: instant)).start.seconds
            )
            return
                "\(date.description.replacingOccurrences(of: "-", with: ""))T\(two(Int(seconds / 3600)))\(two(Int(seconds / 60 % 60)))\(two(Int(seconds % 60)))Z"
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func minutes(_ seconds: Int64) -> String {
            // Whole seconds as minutes with up to two decimals (every matrix time is a multiple of 3 s).
            let hundredths = seconds * 100 / 60
            return "\(hundredths / 100).\(two(Int(hundredths % 100)))"
        }
        let person = problem.staff[0]
        let finishBy = person.finishBy!
        let byDay = zone.date(of: finishBy)
        let byTime = finishBy.seconds - zone.day(byDay).start.seconds
        var plan = """
            name: \(problem.name)
            week:
              start: \(problem.days.first!)
              end: \(problem.days.last!)
            time_zone: UTC
            travel_matrix: matrix.csv
            places: places.csv
            defaults:
              working_hours: "00:00-24:00"
              travel_hours: "00:00-24:00"
              business_hours: "00:00-24:00"
              daily_travel_cap_minutes: \(person.dailyTravelCapMinutes)
              hotel_cost: 0
              workdays: [mon, tue, wed, thu, fri, sat, sun]
              meeting_start_step_seconds: \(problem.meetingStartStep)
            staff:

            """
        for staff in problem.staff {
            plan += """
                  - id: \(staff.id)
                    name: \(staff.name)
                    home: \(Self.city)
                    start: \(Self.depot)
                    finish: \(Self.depot)
                    finish_by: "\(byDay) \(two(Int(byTime / 3600))):\(two(Int(byTime / 60 % 60)))"

                """
        }
        var clients = "id,name,city,lat,lon,priority,meeting_minutes,calendar\n"
        var calendars: [(String, String)] = []
        let period = problem.period
        for client in problem.clients {
            clients +=
                "\(client.id),\(client.name),\(Self.city),0,0,\(client.priority),\(client.meetingMinutes),calendars/\(client.id).ics\n"
            var events = ""
            let window = client.availability.intervals.first ?? Interval(period.start, period.start)
            for (index, busy) in [Interval(period.start, window.start), Interval(window.end, period.end)].enumerated()
            where busy.seconds > 0 {
                events +=
                    "BEGIN:VEVENT\r\nUID:\(client.id)-\(index)@toptw\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:\(stamp(busy.start))\r\nDTEND:\(stamp(busy.end))\r\nSUMMARY:closed\r\nEND:VEVENT\r\n"
            }
            calendars.append(
                (
                    "calendars/\(client.id).ics",
                    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tiaoqi//TOPTW//EN\r\n\(events)END:VCALENDAR\r\n"
                ))
        }
        var matrix = "from,to,minutes\n"
        for pair in problem.travelMatrix.pairs.sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) {
            matrix += "\(pair.from),\(pair.to),\(minutes(pair.seconds))\n"
        }
        let files =
            [
                ("plan.yaml", plan), ("clients.csv", clients),
                ("places.csv", "id,name,city,lat,lon\n\(Self.depot),depot,\(Self.city),0,0\n"), ("matrix.csv", matrix),
            ] + calendars
        do {
            try FileManager.default.createDirectory(atPath: folder + "/calendars", withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
            }
        } catch {
            throw ScheduleError(file: folder, "cannot write the schedule folder: \(error.localizedDescription)")
        }
    }
}
