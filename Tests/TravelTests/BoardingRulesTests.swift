import Foundation
import GTFS
import TestSupport
import Testing
import Timeline
import Travel

/// Where a trip takes people on and lets them off (pickup_type and drop_off_type), and transfers.txt rules written
/// for particular trips or routes, as agencies publish them.
@Suite("Boarding rules and transfers for particular services")
struct BoardingRulesTests {
    /// A coach A → B → C → D that only sets down at B (nobody gets on there) and only takes people on at C (nobody
    /// gets off there), and a local bus B → D later.
    static let coach: [String: [String]] = [
        "agency.txt": [
            "agency_id,agency_name,agency_url,agency_timezone", "A,A,https://example.invalid,Asia/Shanghai",
        ],
        "stops.txt": [
            "stop_id,stop_name,stop_lat,stop_lon", "A,A,34.20,117.20", "B,B,34.50,117.60", "C,C,34.80,118.00",
            "D,D,35.10,118.40",
        ],
        "routes.txt": ["route_id,route_short_name,route_type", "R,K,3"],
        "trips.txt": ["route_id,service_id,trip_id,trip_short_name", "R,S,coach,K1", "R,S,local,K2"],
        "stop_times.txt": [
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type",
            "coach,08:00:00,08:00:00,A,1,0,1", "coach,09:00:00,09:05:00,B,2,1,0", "coach,10:00:00,10:00:00,C,3,2,1",
            "coach,11:00:00,11:00:00,D,4,1,", "local,11:30:00,11:30:00,B,1,3,1", "local,12:30:00,12:30:00,D,2,,2",
        ],
        "calendar_dates.txt": ["service_id,date,exception_type", "S,20220307,1"],
    ]

    static func load(_ files: [String: [String]]) throws -> Timetable {
        let folder = Fixtures.temporaryFolder("boarding-rules")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, lines) in files {
            try lines.joined(separator: "\n").write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        }
        return try NetworkLoader.load(folder: folder)
    }

    static let day = LocalDate(iso: "2022-03-07")!
    static let morning = Instant(iso8601: "2022-03-07T00:00:00Z")!

    static func router(_ timetable: Timetable) -> Router {
        Router(timetable: timetable, rules: BruteForceTests.rules, dates: [day])
    }

    @Test func nobodyBoardsOrAlightsWhereTheTripSaysNo() throws {
        let router = Self.router(try Self.load(Self.coach))
        func arrival(_ from: String, _ to: String) -> String? {
            router.earliestArrival(fromStop: from, toStop: to, notBefore: Self.morning)?.arrive.iso8601
        }
        #expect(arrival("A", "B") == "2022-03-07T01:00:00Z")
        // Nobody gets off the coach at C, and no other trip goes there.
        #expect(arrival("A", "C") == nil)
        #expect(arrival("B", "C") == nil)
        // Nobody gets on the coach at B: the local bus (pickup_type 3, arranged with the driver) it is.
        #expect(arrival("B", "D") == "2022-03-07T04:30:00Z")
        // At C people get on (pickup_type 2, phoned ahead), and from A they ride through B and C.
        #expect(arrival("C", "D") == "2022-03-07T03:00:00Z")
        #expect(arrival("A", "D") == "2022-03-07T03:00:00Z")
        // The latest departure and the profile scans follow the same rules.
        let deadline = Instant(iso8601: "2022-03-07T05:00:00Z")!
        #expect(
            router.latestDeparture(fromStop: "B", toStop: "D", arriveBy: deadline)?.depart.iso8601
                == "2022-03-07T03:30:00Z")
        #expect(router.latestDeparture(fromStop: "A", toStop: "C", arriveBy: deadline) == nil)
    }

    @Test func theAuditsRideCheckFollowsTheRules() throws {
        let timetable = try Self.load(Self.coach)
        let at = { (text: String) in Instant(iso8601: text)! }
        #expect(
            timetable.hasService(
                "K1", from: "A", to: "D", depart: at("2022-03-07T00:00:00Z"), arrive: at("2022-03-07T03:00:00Z")))
        #expect(
            !timetable.hasService(
                "K1", from: "A", to: "C", depart: at("2022-03-07T00:00:00Z"), arrive: at("2022-03-07T02:00:00Z")))
        #expect(
            !timetable.hasService(
                "K1", from: "B", to: "D", depart: at("2022-03-07T01:05:00Z"), arrive: at("2022-03-07T03:00:00Z")))
    }

    @Test func theRulesSurviveTheTimetableCache() throws {
        let timetable = try Self.load(Self.coach)
        let read = try #require(Timetable(archived: timetable.archived()))
        #expect(read.trips.map(\.noBoarding) == timetable.trips.map(\.noBoarding))
        #expect(read.trips.map(\.noAlighting) == timetable.trips.map(\.noAlighting))
        #expect(timetable.trips.first { $0.id == "coach" }?.noBoarding == [1, 3])
        #expect(timetable.trips.first { $0.id == "coach" }?.noAlighting == [0, 2])
    }

    /// Feeds that give neither trip_short_name nor route_short_name (GTFS asks for one of the route's two names) name
    /// the service by the route's long name, else its id.
    @Test func aTripWithoutShortNamesIsNamedByItsRoute() throws {
        var files = Self.coach
        files["routes.txt"] = ["route_id,route_short_name,route_long_name,route_type", "R,,Belfort - Paris,2"]
        files["trips.txt"] = ["route_id,service_id,trip_id", "R,S,coach", "R,S,local"]
        #expect(Set(try Self.load(files).trips.map(\.serviceName)) == ["Belfort - Paris"])
        files["routes.txt"] = ["route_id,route_type", "R,2"]
        #expect(Set(try Self.load(files).trips.map(\.serviceName)) == ["R"])
    }

    @Test func aBoardingValueOutsideTheReferenceIsAnErrorAtItsLine() throws {
        var files = Self.coach
        files["stop_times.txt"]![2] = "coach,09:00:00,09:05:00,B,2,7,0"
        #expect {
            _ = try Self.load(files)
        } throws: { error in
            let text = "\(error)"
            return text.contains("stop_times.txt:3") && text.contains("pickup_type")
        }
    }

    /// Two trains meeting at a station with a 10-minute change there; a rule for particular trips may make it longer
    /// or impossible, never quicker.
    static func changing(_ particular: String?) -> [String: [String]] {
        var transfers = [
            "from_stop_id,to_stop_id,transfer_type,min_transfer_time,from_trip_id,to_trip_id", "M,M,2,600,,",
        ]
        if let particular { transfers.append(particular) }
        return [
            "agency.txt": [
                "agency_id,agency_name,agency_url,agency_timezone", "A,A,https://example.invalid,Asia/Shanghai",
            ],
            "stops.txt": [
                "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station", "X,X,34.2,117.2,,",
                "M,Middle,34.5,117.6,1,", "M1,Middle 1,34.5,117.6,0,M", "M2,Middle 2,34.5,117.6,0,M",
                "Y,Y,34.8,118.0,,",
            ],
            "routes.txt": ["route_id,route_short_name,route_type", "R,G,2"],
            "trips.txt": ["route_id,service_id,trip_id,trip_short_name", "R,S,in,G1", "R,S,out,G2", "R,S,late,G3"],
            "stop_times.txt": [
                "trip_id,arrival_time,departure_time,stop_id,stop_sequence", "in,08:00:00,08:00:00,X,1",
                "in,09:00:00,09:00:00,M1,2", "out,09:05:00,09:05:00,M2,1", "out,10:00:00,10:00:00,Y,2",
                "late,09:15:00,09:15:00,M2,1", "late,10:30:00,10:30:00,Y,2",
            ],
            "calendar_dates.txt": ["service_id,date,exception_type", "S,20220307,1"],
            "transfers.txt": transfers,
        ]
    }

    @Test(
        arguments: [
            // No particular rule: the station's 10 minutes miss G2 (09:05) and catch G3 (09:15, at Y 10:30).
            (nil, "2022-03-07T02:30:00Z"),
            // A guaranteed or quick change between G1 and G2 is not counted on.
            ("M1,M2,1,,in,out", "2022-03-07T02:30:00Z"), ("M1,M2,2,60,in,out", "2022-03-07T02:30:00Z"),
            // A longer minimum for particular trips holds at those stops for every service (20 minutes miss G3 too).
            ("M1,M2,2,1200,in,late", nil),
            // No change at all, for particular trips: none is planned there.
            ("M,M,3,,in,late", nil),
            // In-seat rules (4, 5) are no changes and may leave out the stops.
            (",,4,,in,out", "2022-03-07T02:30:00Z"),
        ] as [(String?, String?)])
    func particularRulesOnlyLengthenOrForbid(rule: String?, arrival: String?) throws {
        let router = Self.router(try Self.load(Self.changing(rule)))
        let journey = router.earliestArrival(fromStop: "X", toStop: "Y", notBefore: Self.morning)
        #expect(journey?.arrive.iso8601 == arrival)
    }
}
