import Foundation
import GTFS
import Itinerary
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// Schedule folders with `places.csv`, a travel matrix, staff who start and finish at given places, and no network.
@Suite("Loading travel matrices and places")
struct TravelMatrixLoaderTests {
    static let plan = """
        name: 矩阵测试
        week:
          start: 2022-03-07
          end: 2022-03-11
        time_zone: Asia/Shanghai
        travel_matrix: matrix.csv
        places: places.csv
        defaults:
          meeting_start_step_seconds: 900
        staff:
          - id: li
            name: 李明
            home: xuzhou
            start: office
            finish: office
            finish_by: "fri 18:00"

        """
    static let clients = """
        id,name,city,lat,lon,priority,meeting_minutes,calendar
        a1,甲公司,xuzhou,34.20,117.20,5,60,free.ics
        b2,乙公司,xuzhou,34.30,117.30,5,60,free.ics

        """
    static let places = """
        id,name,city,lat,lon,address
        office,办公室,xuzhou,34.25,117.18,淮海路1号

        """
    static let matrix = """
        from,to,minutes
        office,a1,12
        a1,b2,12.5
        b2,office,0.1

        """
    static let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tiaoqi//Test//EN\r\nEND:VCALENDAR\r\n"

    /// A schedule folder from the texts above, each changed by `edit` (file name → text).
    func folder(_ edit: (inout [String: String]) -> Void = { _ in }) throws -> String {
        var files = [
            "plan.yaml": Self.plan, "clients.csv": Self.clients, "places.csv": Self.places, "matrix.csv": Self.matrix,
            "free.ics": Self.calendar,
        ]
        edit(&files)
        let folder = Fixtures.temporaryFolder("matrix")
        for (name, text) in files { try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8) }
        return folder
    }

    /// The error loading a folder changed by `edit`.
    func failure(_ edit: (inout [String: String]) -> Void) async throws -> ScheduleError? {
        let folder = try folder(edit)
        return await #expect(throws: ScheduleError.self) { try await ScheduleLoader().load(folder: folder) }
    }

    @Test func aScheduleWithPlacesAndAMatrixAndNoNetworkLoads() async throws {
        let schedule = try await ScheduleLoader().load(folder: try folder())
        let problem = schedule.problem
        let matrix = problem.travelMatrix
        #expect(matrix.count == 3)
        #expect(matrix.seconds(from: "office", to: "a1") == 720)
        #expect(matrix.seconds(from: "a1", to: "b2") == 750)
        #expect(matrix.seconds(from: "b2", to: "office") == 6)
        #expect(matrix.seconds(from: "a1", to: "office") == nil)
        #expect(matrix.placeIDs == ["a1", "b2", "office"])
        #expect(problem.clients.map(\.place.id) == ["a1", "b2"])
        #expect(problem.meetingStartStep == 900)
        let person = try #require(problem.staff.first)
        #expect(
            person.start
                == Place(cityID: "xuzhou", coordinate: Coordinate(lat: 34.25, lon: 117.18), label: "办公室", id: "office"))
        #expect(person.finish == person.start)
        #expect(person.finishBy == problem.zone.instant(LocalDate(year: 2022, month: 3, day: 11)!, TimeOfDay("18:00")!))
        #expect(person.home.cityID == "xuzhou" && person.home.id == nil)
        // The network is the cities the files name, with no services; a router over it drives between them.
        #expect(schedule.timetable.cities.keys.sorted() == ["xuzhou"])
        #expect(schedule.timetable.stops.isEmpty && schedule.timetable.trips.isEmpty)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: problem.days)
        let start = problem.zone.instant(problem.days[0], TimeOfDay("09:00")!)
        let journey = try #require(
            router.earliestArrival(from: problem.clients[0].place, to: problem.clients[1].place, notBefore: start))
        #expect(journey.parts.map(\.mode) == [.taxi])
    }

    @Test func theDefaultsAreAFiveMinuteStepAndNoEnds() async throws {
        let schedule = try await ScheduleLoader().load(
            folder: try folder { files in
                files["plan.yaml"] = Self.plan.replacingOccurrences(
                    of: "defaults:\n  meeting_start_step_seconds: 900\n", with: ""
                )
                .replacingOccurrences(
                    of: "    start: office\n    finish: office\n    finish_by: \"fri 18:00\"\n", with: "")
            })
        #expect(schedule.problem.meetingStartStep == 300)
        #expect(
            schedule.problem.staff[0].start == nil && schedule.problem.staff[0].finish == nil
                && schedule.problem.staff[0].finishBy == nil)
    }

    @Test func aMatrixBesideANetworkChecksPlacesAgainstItsCities() async throws {
        let folder = try folder { files in
            files["plan.yaml"] = Self.plan.replacingOccurrences(
                of: "travel_matrix:", with: "network: \(Fixtures.network)\ntravel_matrix:")
        }
        let schedule = try await ScheduleLoader().load(folder: folder)
        #expect(!schedule.timetable.stops.isEmpty)
        #expect(schedule.problem.travelMatrix.count == 3)
        Fixtures.edit("\(folder)/places.csv", replacing: ",xuzhou,", with: ",xuzou,")
        let error = await #expect(throws: ScheduleError.self) { try await ScheduleLoader().load(folder: folder) }
        #expect(error?.file.hasSuffix("places.csv") == true && error?.line == 2)
        #expect(error?.message.contains("did you mean xuzhou") == true)
    }

    /// Checks that `error` names `file` at `line` and says `words`.
    func expect(
        _ error: ScheduleError?, _ file: String, _ line: Int, _ words: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            error?.file.hasSuffix("/\(file)") == true, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.line == line, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.message.contains(words) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func anUnknownIDInTheMatrixIsNamedWithASuggestion() async throws {
        let error = try await failure {
            $0["matrix.csv"] = Self.matrix.replacingOccurrences(of: "a1,b2,12.5", with: "a1,b3,12.5")
        }
        expect(error, "matrix.csv", 3, "'b3' is neither a client id nor a place id; did you mean 'b2'?")
    }

    @Test func aPairGivenTwiceIsAnErrorAtTheSecondLine() async throws {
        let error = try await failure { $0["matrix.csv"] = Self.matrix + "office,a1,13\n" }
        expect(error, "matrix.csv", 5, "the pair office → a1 is given twice (first on line 2)")
    }

    @Test func aRowFromAPlaceToItselfIsAnError() async throws {
        let error = try await failure { $0["matrix.csv"] = Self.matrix + "a1,a1,0\n" }
        expect(error, "matrix.csv", 5, "goes from 'a1' to itself")
    }

    @Test(arguments: ["-1", "12min", "1e3", "0x10", "10080.5", "nan"])
    func minutesThatAreNotAPlainNonNegativeDecimalAreErrors(minutes: String) async throws {
        let error = try await failure {
            $0["matrix.csv"] = Self.matrix.replacingOccurrences(of: "office,a1,12", with: "office,a1,\(minutes)")
        }
        expect(error, "matrix.csv", 2, "minutes '\(minutes)' must be a plain decimal number")
    }

    @Test func aMatrixWithoutItsColumnsIsAnError() async throws {
        let error = try await failure { $0["matrix.csv"] = "from,to,mins\noffice,a1,12\n" }
        expect(error, "matrix.csv", 1, "missing column(s) minutes")
    }

    @Test func aPlaceIDThatIsAClientIDIsAnError() async throws {
        let error = try await failure { $0["places.csv"] = Self.places + "b2,仓库,xuzhou,34.1,117.1,\n" }
        expect(error, "places.csv", 3, "place id 'b2' is also a client id")
    }

    @Test func anUnknownStartIsNamedWithASuggestion() async throws {
        let error = try await failure {
            $0["plan.yaml"] = Self.plan.replacingOccurrences(of: "start: office", with: "start: ofice")
        }
        expect(error, "plan.yaml", 14, "start 'ofice' is neither a place id nor a client id; did you mean 'office'?")
    }

    @Test(arguments: ["sat 18:00", "2022-03-14 09:00", "fri", "fri 25:00"])
    func aFinishByOutsideTheWeekIsAnError(text: String) async throws {
        let error = try await failure { $0["plan.yaml"] = Self.plan.replacingOccurrences(of: "fri 18:00", with: text) }
        expect(
            error, "plan.yaml", 16,
            "finish_by '\(text)' must be a day of the week (2022-03-07 to 2022-03-11) and a local time")
    }

    @Test func aMeetingStepOutsideOneToAnHourIsAnError() async throws {
        let error = try await failure {
            $0["plan.yaml"] = Self.plan.replacingOccurrences(of: "seconds: 900", with: "seconds: 0")
        }
        expect(error, "plan.yaml", 9, "'meeting_start_step_seconds' is '0'; it must be a whole number from 1 to 3600")
    }

    @Test func aMisspeltStaffKeyIsSuggested() async throws {
        let error = try await failure {
            $0["plan.yaml"] = Self.plan.replacingOccurrences(of: "finish_by:", with: "finsh_by:")
        }
        expect(error, "plan.yaml", 16, "did you mean 'finish_by'?")
    }

    @Test func neitherNetworkNorMatrixIsAnErrorSayingToGiveOne() async throws {
        let error = try await failure {
            $0["plan.yaml"] = Self.plan.replacingOccurrences(of: "travel_matrix: matrix.csv\n", with: "")
        }
        #expect(error?.file.hasSuffix("/plan.yaml") == true)
        #expect(error?.line != nil)
        #expect(error?.message.contains("give one of them") == true)
    }

    @Test func anUnreadableMatrixIsNamedAtItsPlanLine() async throws {
        let error = try await failure {
            $0["plan.yaml"] = Self.plan.replacingOccurrences(of: "matrix.csv", with: "nowhere.csv")
        }
        expect(error, "plan.yaml", 6, "travel_matrix 'nowhere.csv' cannot be read")
    }

    @Test func withoutANetworkAHomeCityMustBeOneTheFilesName() async throws {
        let error = try await failure {
            $0["plan.yaml"] = Self.plan.replacingOccurrences(of: "home: xuzhou", with: "home: xuzou")
        }
        expect(error, "plan.yaml", 13, "unknown city 'xuzou'; did you mean xuzhou?")
    }
}
