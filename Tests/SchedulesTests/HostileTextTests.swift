import Foundation
import GTFS
import Schedules
import TestSupport
import Testing

/// Text that is not what the formats say: other encodings, misspelt keys, empty lists, duplicate columns, and
/// plan.json errors, each refused at its file and line with what to do.
@Suite("Hostile input: text, keys and plan.json")
struct HostileTextTests {
    @Test func aLatin1PlanIsRefusedAtTheLineOfItsFirstForeignByte() async throws {
        let folder = try Hostile.quickstart(with: ["plan.yaml": "plan-latin1.yaml"])
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("plan.yaml") == true)
        #expect(error?.line == 10)
        #expect(error?.message.contains("0xFC") == true)
        #expect(error?.message.contains("save it as UTF-8") == true)
    }

    @Test func aLatin1ClientsFileIsRefusedAtItsLine() async throws {
        let folder = try Hostile.quickstart(with: ["clients.csv": "clients-latin1.csv"])
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line == 3)
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test func aUTF16PlanIsRefusedAsUTF16() async throws {
        let folder = try Hostile.quickstart()
        let text = try String(contentsOfFile: "\(folder)/plan.yaml", encoding: .utf8)
        try #require(text.data(using: .utf16)).write(to: URL(fileURLWithPath: "\(folder)/plan.yaml"))
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("plan.yaml") == true)
        #expect(error?.message.contains("UTF-16") == true)
    }

    @Test func aMisspeltTopLevelKeyIsRefusedWithTheRightOne() async throws {
        let folder = try Hostile.quickstart(with: ["plan.yaml": "plan-misspelt-key.yaml"])
        let error = await Hostile.loadError(folder)
        #expect(error?.line == 6)
        #expect(error?.message.contains("unknown key 'timezone'") == true)
        #expect(error?.message.contains("did you mean 'time_zone'?") == true)
    }

    /// (text in the quickstart's plan.yaml, its replacement, the new text whose line is blamed, what the message says)
    static let keyCases: [(String, String, String, String)] = [
        ("  end: 2022-03-11", "  ends: 2022-03-11", "ends:", "did you mean 'end'?"),
        ("clients: clients.csv", "client: clients.csv", "client:", "did you mean 'clients'?"),
        ("  hotel_cost: 450", "  hotel_cots: 450", "hotel_cots", "did you mean 'hotel_cost'?"),
        (
            "  hotel_cost: 450", "  hotel_cost: 450\n  check_in_minutes: {train: 20, flihgt: 60}", "flihgt",
            "did you mean 'flight'?"
        ),
        (
            "    calendar: feeds/staff-li.ics", "    calender: feeds/staff-li.ics", "calender",
            "did you mean 'calendar'?"
        ),
        (
            "clients: clients.csv", "clients: clients.csv\nfeeds:\n  credential_env: X", "credential_env",
            "did you mean 'credentials_env'?"
        ),
        ("clients: clients.csv", "clients: clients.csv\nhotel_cost: 300", "hotel_cost: 300", "belongs in 'defaults:'"),
        ("  hotel_cost: 450", "  hotel_cost: 450\n  hotel_cost: 900", "hotel_cost: 450", "'hotel_cost' is given twice"),
    ]

    @Test(arguments: keyCases.indices)
    func misspeltMisplacedOrRepeatedKeysAreRefusedAtEveryLevel(_ index: Int) async throws {
        let (old, new, blamed, says) = Self.keyCases[index]
        let folder = try Hostile.quickstart()
        Fixtures.edit("\(folder)/plan.yaml", replacing: old, with: new)
        let error = await Hostile.loadError(folder)
        #expect(error?.line == (try Hostile.line(of: blamed, in: "\(folder)/plan.yaml")))
        #expect(error?.message.contains(says) == true, "\(error?.description ?? "loaded")")
    }

    @Test func aMisspeltClientsColumnIsWarnedWithTheRightOne() async throws {
        let folder = try Hostile.quickstart()
        Fixtures.edit("\(folder)/clients.csv", replacing: ",sector\r\n", with: ",sector,must_vist\r\n")
        let schedule = try await ScheduleLoader().load(folder: folder)
        #expect(
            schedule.warnings.contains {
                $0.hasSuffix(
                    "clients.csv:1: column 'must_vist' is not one Tiaoqi reads, so it is ignored; did you mean 'must_visit'?"
                )
            })
    }

    @Test func anEmptyNetworkListIsRefused() async throws {
        let folder = try Hostile.quickstart(with: ["plan.yaml": "plan-empty-network.yaml"])
        let error = await Hostile.loadError(folder)
        #expect(error?.line == 5)
        #expect(error?.message.contains("'network' is an empty list") == true)
    }

    @Test(arguments: [
        ("  hotel_cost: 450", "  hotel_cost: 450\n  workdays: []", "workdays"),
        ("  hotel_cost: 450", "  hotel_cost: 450\n  languages: []", "languages"),
        ("    home: xuzhou", "    home: xuzhou\n    languages: []", "languages"),
    ])
    func emptyRequiredListsAreRefused(_ old: String, _ new: String, _ key: String) async throws {
        let folder = try Hostile.quickstart()
        Fixtures.edit("\(folder)/plan.yaml", replacing: old, with: new)
        let error = await Hostile.loadError(folder)
        #expect(error?.line == (try Hostile.line(of: "\(key): []", in: "\(folder)/plan.yaml")))
        #expect(error?.message.contains("'\(key)' is an empty list") == true, "\(error?.description ?? "loaded")")
    }

    @Test func aClientsFileWithOnlyAHeaderIsRefused() async throws {
        let folder = try Hostile.quickstart()
        let header = try #require(
            try String(contentsOfFile: "\(folder)/clients.csv", encoding: .utf8).split(whereSeparator: \.isNewline)
                .first)
        try (header + "\n").write(toFile: "\(folder)/clients.csv", atomically: true, encoding: .utf8)
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.message.contains("has no clients") == true)
    }

    @Test func aDuplicateCSVHeaderNamesBothColumns() async throws {
        let error = #expect(throws: ScheduleError.self) { try CSVTable(text: "id,name,id\na,b,c\n", file: "staff.csv") }
        #expect(
            error?.description
                == "staff.csv:1: columns 1 and 3 are both named 'id'; rename or remove one, so that it is clear which one counts"
        )
        let folder = try Hostile.quickstart(with: ["clients.csv": "clients-duplicate-header.csv"])
        let loaded = await Hostile.loadError(folder)
        #expect(loaded?.file.hasSuffix("clients.csv") == true)
        #expect(loaded?.line == 1)
        #expect(loaded?.message.contains("columns 5 and 11 are both named 'lat'") == true)
    }

    @Test func aPlanJSONSyntaxErrorNamesItsLine() throws {
        let path = Hostile.fixture("plan-missing-comma.json")
        let error = #expect(throws: ScheduleError.self) { try PlanJSON.decode(contentsOf: path) }
        #expect(error?.line == 7)
        #expect(error?.message.contains("missing comma") == true, "\(error?.description ?? "")")
    }

    @Test func aTruncatedPlanJSONNamesItsLastLine() throws {
        let folder = Fixtures.temporaryFolder("json")
        try "{\n  \"name\" : \"cut off\",\n  \"days\" : [\n".write(
            toFile: "\(folder)/plan.json", atomically: true, encoding: .utf8)
        let error = #expect(throws: ScheduleError.self) { try PlanJSON.decode(contentsOf: "\(folder)/plan.json") }
        #expect(error?.line == 4)
    }

    @Test func aWrongTypeInPlanJSONNamesItsLine() throws {
        let folder = Fixtures.temporaryFolder("json")
        let text = try String(
            contentsOfFile: Fixtures.path("schedules/2022-w10/plans/gulou/plan.json"), encoding: .utf8)
        let edited = try #require(
            text.firstRange(of: /"seed" : \d+/).map { text.replacingCharacters(in: $0, with: "\"seed\" : \"seven\"") })
        try edited.write(toFile: "\(folder)/plan.json", atomically: true, encoding: .utf8)
        let error = #expect(throws: ScheduleError.self) { try PlanJSON.decode(contentsOf: "\(folder)/plan.json") }
        #expect(error?.line == (try Hostile.line(of: "\"seed\" : \"seven\"", in: "\(folder)/plan.json")))
    }

    @Test func anUnknownPlanJSONVersionIsRefusedWithTheKnownOnes() throws {
        let error = #expect(throws: ScheduleError.self) {
            try PlanJSON.decode(contentsOf: Hostile.fixture("plan-version-9.json"))
        }
        #expect(error?.line == 6)
        #expect(error?.message.contains("version 9") == true)
        #expect(error?.message.contains("known: 1") == true)
    }
}
