import Foundation
import GTFS
import Itinerary
import Schedules
import TestSupport
import Testing
import Travel

/// Values outside the formats' rules: ids, numbers Swift or YAML would read as something else, negative durations,
/// and a bureau too large for a quadratic loader.
@Suite("Hostile input: ids, numbers and scale")
struct HostileValuesTests {
    @Test(arguments: ["Li", "../li", "li li", "li.ics", "李", String(repeating: "x", count: 65)])
    func aStaffIdOutsideTheRuleIsRefused(_ id: String) async throws {
        let folder = try Hostile.quickstart()
        Fixtures.edit("\(folder)/plan.yaml", replacing: "- id: li", with: "- id: \"\(id)\"")
        let error = await Hostile.loadError(folder)
        #expect(error?.line == (try Hostile.line(of: "- id:", in: "\(folder)/plan.yaml")))
        #expect(error?.message.contains("[a-z0-9_-]+") == true, "\(error?.description ?? "loaded")")
    }

    @Test(arguments: ["NJ-chip", "nj chip", "nj/chip", "nj;chip"])
    func aClientIdOutsideTheRuleIsRefused(_ id: String) async throws {
        let folder = try Hostile.quickstart()
        Fixtures.edit("\(folder)/clients.csv", replacing: "\nnj-battery,", with: "\n\"\(id)\",")
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line == 3)
        #expect(error?.message.contains("[a-z0-9_-]+") == true, "\(error?.description ?? "loaded")")
    }

    @Test func aCityIdOutsideTheRuleIsRefused() throws {
        let network = Hostile.network()
        Fixtures.edit("\(network)/cities.csv", replacing: "\nxuzhou,", with: "\nXu Zhou,")
        let error = #expect(throws: ScheduleError.self) { try NetworkLoader.load(folder: network) }
        #expect(error?.file.hasSuffix("cities.csv") == true)
        #expect(error?.line == 2)
        #expect(error?.message.contains("[a-z0-9_-]+") == true)
    }

    @Test func aHexLatitudeInClientsIsRefused() async throws {
        let folder = try Hostile.quickstart(with: ["clients.csv": "clients-hex-latitude.csv"])
        let error = await Hostile.loadError(folder)
        #expect(error?.line == 3)
        #expect(error?.message.contains("'lat' is '0x1p5'") == true, "\(error?.description ?? "loaded")")
    }

    @Test(arguments: ["0x1p5", "nan", "inf", "-inf", "1e400", "1e1", "-91", "90.0001", "32.1.5", "", "+", "."])
    func latitudesMustBePlainDecimalsInRange(_ text: String) throws {
        let csv = "id,lat\na,\(text)\n"
        let table = try CSVTable(text: csv, file: "clients.csv")
        let error = #expect(throws: ScheduleError.self) { try table.decimal(table.rows[0], "lat", in: -90...90) }
        #expect(error?.line == 2)
    }

    @Test(arguments: ["31.25", "-31.25", "+31", "31", "31.", ".5", "-90", "90"])
    func plainDecimalsAreRead(_ text: String) throws {
        let table = try CSVTable(text: "id,lat\na,\(text)\n", file: "clients.csv")
        #expect(try table.decimal(table.rows[0], "lat", in: -90...90) == Double(text))
    }

    @Test(arguments: ["0x1p5", "1e1", "nan"])
    func aHexOrSpecialStopLatitudeIsRefused(_ text: String) throws {
        let network = Hostile.network()
        let stops = try String(contentsOfFile: "\(network)/stops.txt", encoding: .utf8).components(separatedBy: "\n")
        let row = try #require(stops.dropFirst().first { !$0.isEmpty })
        var fields = row.components(separatedBy: ",")
        let header = stops[0].trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: ",")
        fields[try #require(header.firstIndex(of: "stop_lat"))] = text
        Fixtures.edit("\(network)/stops.txt", replacing: row, with: fields.joined(separator: ","))
        let error = #expect(throws: ScheduleError.self) { try NetworkLoader.load(folder: network) }
        #expect(error?.file.hasSuffix("stops.txt") == true)
        #expect(error?.line == 2)
    }

    /// (text in the quickstart's plan.yaml, its replacement, the key blamed): YAML's hex, octal, base-60, `.inf` and
    /// `.nan` forms, and exponents.
    static let yamlNumbers: [(String, String, String)] = [
        ("  hotel_cost: 450", "  hotel_cost: 0x1C2", "hotel_cost"),
        ("  hotel_cost: 450", "  hotel_cost: .inf", "hotel_cost"),
        ("  hotel_cost: 450", "  hotel_cost: .nan", "hotel_cost"),
        ("  hotel_cost: 450", "  hotel_cost: 4.5e2", "hotel_cost"),
        ("  hotel_cost: 450", "  hotel_cost: 450\n  access_minutes: 0x1E", "access_minutes"),
        ("  hotel_cost: 450", "  hotel_cost: 450\n  access_minutes: 0o17", "access_minutes"),
        ("  hotel_cost: 450", "  hotel_cost: 450\n  daily_travel_cap_minutes: 7:30", "daily_travel_cap_minutes"),
        ("  hotel_cost: 450", "  hotel_cost: 450\n  max_nights: 1_0", "max_nights"),
    ]

    @Test(arguments: yamlNumbers.indices)
    func yamlNumbersMustBePlainDecimals(_ index: Int) async throws {
        let (old, new, key) = Self.yamlNumbers[index]
        let folder = try Hostile.quickstart()
        Fixtures.edit("\(folder)/plan.yaml", replacing: old, with: new)
        let error = await Hostile.loadError(folder)
        #expect(error?.line == (try Hostile.line(of: "  \(key):", in: "\(folder)/plan.yaml")))
        #expect(error?.message.contains("'\(key)'") == true, "\(error?.description ?? "loaded")")
    }

    /// Minutes that may not be negative, in plan.yaml (text, replacement, key) .
    static let negativeMinutes: [(String, String, String)] = [
        ("  hotel_cost: 450", "  hotel_cost: 450\n  daily_travel_cap_minutes: -60", "daily_travel_cap_minutes"),
        ("  hotel_cost: 450", "  hotel_cost: 450\n  access_minutes: -5", "access_minutes"),
        ("  hotel_cost: 450", "  hotel_cost: 450\n  check_in_minutes: {train: -10}", "check_in_minutes"),
        ("    home: xuzhou", "    home: xuzhou\n    daily_travel_cap_minutes: -1", "daily_travel_cap_minutes"),
    ]

    @Test(arguments: negativeMinutes.indices)
    func negativeMinutesInThePlanAreRefused(_ index: Int) async throws {
        let (old, new, key) = Self.negativeMinutes[index]
        let folder = try Hostile.quickstart()
        Fixtures.edit("\(folder)/plan.yaml", replacing: old, with: new)
        let error = await Hostile.loadError(folder)
        #expect(
            error?.line == (try Hostile.line(of: "\(key):", in: "\(folder)/plan.yaml")),
            "\(error?.description ?? "loaded")")
    }

    @Test(arguments: ["-30", "-0x1E", "0"])
    func aNegativeOrZeroMeetingLengthIsRefused(_ minutes: String) async throws {
        let folder = try Hostile.quickstart()
        Fixtures.edit(
            "\(folder)/clients.csv", replacing: ",5,60,feeds/client-nj-battery.ics",
            with: ",5,\(minutes),feeds/client-nj-battery.ics")
        let error = await Hostile.loadError(folder)
        #expect(error?.line == 3)
        #expect(error?.message.contains("meeting_minutes") == true)
    }

    @Test func aNegativeAccessTimeInCityStopsIsRefused() throws {
        let network = Hostile.network()
        let text = try String(contentsOfFile: "\(network)/city_stops.csv", encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let edited =
            [
                "\(lines[0].trimmingCharacters(in: .whitespacesAndNewlines)),access_minutes",
                "\(lines[1].trimmingCharacters(in: .whitespacesAndNewlines)),-5",
            ] + lines.dropFirst(2)
        try edited.joined(separator: "\n").write(toFile: "\(network)/city_stops.csv", atomically: true, encoding: .utf8)
        let error = #expect(throws: ScheduleError.self) { try NetworkLoader.load(folder: network) }
        #expect(error?.line == 2)
        #expect(error?.message.contains("access_minutes") == true)
    }

    /// How many people the large bureau has.
    static let largeBureau = 100_000

    @Test func aHundredThousandStaffLoadInLinearTime() async throws {
        let folder = try Hostile.quickstart()
        var yaml = """
            week: {start: 2022-03-07, end: 2022-03-11}
            time_zone: Asia/Shanghai
            network: \(Fixtures.network)
            staff:

            """
        yaml.reserveCapacity(Self.largeBureau * 40)
        for index in 0..<Self.largeBureau {
            yaml += "  - {id: s\(index), home: \(index % 2 == 0 ? "xuzhou" : "nanjing")}\n"
        }
        try yaml.write(toFile: "\(folder)/plan.yaml", atomically: true, encoding: .utf8)
        let schedule = try await ScheduleLoader().load(folder: folder)
        #expect(schedule.problem.staff.count == Self.largeBureau)
        #expect(schedule.problem.staff.last?.id == "s\(Self.largeBureau - 1)")
        #expect(schedule.problem.staff.filter { $0.home.cityID == "nanjing" }.count == Self.largeBureau / 2)
        #expect(schedule.problem.clients.count == 5)
    }
}
