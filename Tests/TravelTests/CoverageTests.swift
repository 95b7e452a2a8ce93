import Foundation
import GTFS
import Messages
import TestSupport
import Testing
import Timeline
import Travel

@Suite("The days a timetable covers")
struct CoverageTests {
    /// A feed of two trips between two cities: trip A on service `A` and trip B on service `B`, with the given
    /// calendar.txt rows (after the header) and calendar_dates.txt rows.
    func feed(calendar: [String], dates: [String]) throws -> Timetable {
        let folder = Fixtures.temporaryFolder("coverage")
        func write(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        }
        try write(
            "agency.txt",
            ["agency_id,agency_name,agency_url,agency_timezone", "a,A,https://example.invalid,Asia/Shanghai"])
        try write(
            "cities.csv",
            ["city_id,name,lat,lon,time_zone", "big,Big,31.2,121.4,Asia/Shanghai", "far,Far,34.2,117.1,Asia/Shanghai"])
        try write("city_stops.csv", ["stop_id,city_id", "F,far", "S,big"])
        try write("stops.txt", ["stop_id,stop_name,stop_lat,stop_lon", "F,Far,34.2,117.1", "S,Big,31.2,121.4"])
        try write("routes.txt", ["route_id,route_short_name,route_type", "R,G,2"])
        try write("trips.txt", ["route_id,service_id,trip_id", "R,A,TA", "R,B,TB"])
        try write(
            "stop_times.txt",
            [
                "trip_id,arrival_time,departure_time,stop_id,stop_sequence", "TA,08:00:00,08:00:00,F,1",
                "TA,10:00:00,10:00:00,S,2", "TB,23:00:00,23:00:00,F,1", "TB,25:00:00,25:00:00,S,2",
            ])
        try write(
            "calendar.txt",
            ["service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date"] + calendar)
        try write("calendar_dates.txt", ["service_id,date,exception_type"] + dates)
        return try NetworkLoader.load(folder: folder)
    }

    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    func days(_ first: String, _ count: Int) -> [LocalDate] { (0..<count).map { day(first).adding(days: $0) } }

    /// Weekdays in a range, a removed date, and a service that only calendar_dates.txt defines.
    @Test func aDayIsCoveredWhenAtLeastOneTripRunsThatDay() throws {
        let timetable = try feed(
            calendar: ["A,1,1,1,1,1,0,0,20220307,20220318"],  // Mon–Fri of two weeks
            dates: ["A,20220309,2", "B,20220312,1", "B,20220320,1"])
        // Sat 03-12 has B alone; Sun 03-13 nothing; Wed 03-09 removed; Sun 03-20 only B, after A's range.
        #expect(timetable.serviceDates == day("2022-03-07")...day("2022-03-20"))
        let gap = try #require(timetable.coverage(of: days("2022-03-07", 7)))
        #expect(gap.uncoveredDays == [day("2022-03-09"), day("2022-03-13")])
        #expect(gap.uncoveredText == "2022-03-09, 2022-03-13")
        #expect(gap.summary.text(.en).contains("2022-03-07 to 2022-03-20"))
        #expect(timetable.coverage(of: days("2022-03-14", 5)) == nil)
        #expect(timetable.hasService(on: day("2022-03-12")))
        #expect(!timetable.hasService(on: day("2022-03-19")))
        let later = try #require(timetable.coverage(of: days("2022-08-01", 5)))
        #expect(later.uncoveredText == "2022-08-01 to 2022-08-05")
    }

    /// The first and last dates are dates a trip runs, not the calendar's range: weekdays and removals trim it.
    @Test func serviceDatesAreTheFirstAndLastRunningDays() throws {
        let timetable = try feed(
            calendar: ["A,0,0,1,0,0,0,0,20220301,20220331", "B,0,0,0,0,0,0,0,20220301,20220331"],
            dates: ["A,20220302,2", "A,20220330,2"])
        // Wednesdays of March 2022: 2, 9, 16, 23, 30; the first and last removed.
        #expect(timetable.serviceDates == day("2022-03-09")...day("2022-03-23"))
    }

    @Test func aTimetableWhoseTripsNeverRunCoversNoDay() throws {
        let timetable = try feed(
            calendar: ["A,0,0,0,0,0,0,0,20220301,20220331", "B,1,1,1,1,1,1,1,20220301,20220301"],
            dates: ["B,20220301,2"])
        #expect(timetable.serviceDates == nil)
        let gap = try #require(timetable.coverage(of: [day("2022-03-07")]))
        #expect(gap.coveredText == nil)
        #expect(gap.summary.text(.en).contains("no day at all"))
    }

    /// The sample network covers the 2022 spring timetable season, holidays included.
    @Test func theSampleNetworkCoversTheSpringSeason() throws {
        let timetable = try NetworkLoader.load(folder: Fixtures.network)
        #expect(timetable.serviceDates == day("2022-01-10")...day("2022-06-30"))
        let season = days("2022-01-10", day("2022-06-30").days(since: day("2022-01-10")) + 1)
        #expect(timetable.coverage(of: season) == nil)
        #expect(timetable.coverage(of: [day("2022-01-09"), day("2022-07-01")])?.uncoveredDays.count == 2)
        // Working-day trains stop on the Qingming holiday and run on the Saturday worked in its place.
        let commuter = try #require(timetable.trips.first { $0.serviceID == "WKDY" })
        #expect(!timetable.runs(commuter.serviceID, on: day("2022-04-04")))
        #expect(timetable.runs(commuter.serviceID, on: day("2022-04-02")))
        #expect(timetable.runs("FRSU", on: day("2022-04-04")))
        // The sample week's exceptions stay as they were.
        #expect(!timetable.runs("DAILY_X0309", on: day("2022-03-09")))
        #expect(timetable.runs("DAILY_X0309", on: day("2022-03-16")))
        #expect(timetable.runs("EXTRA_0311", on: day("2022-03-11")))
        #expect(!timetable.runs("EXTRA_0311", on: day("2022-03-18")))
    }
}
