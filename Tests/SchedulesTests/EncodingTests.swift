import Foundation
import GTFS
import Itinerary
import Planner
import Schedules
import TestSupport
import Testing
import Travel

/// CSV files as a bureau saves them: GB18030 (GBK) from Excel on a Chinese Windows, declared with `encoding:` in
/// plan.yaml or detected, read as their UTF-8 copies are; other bytes refused at their file and line.
@Suite("Encodings of the CSV files")
struct EncodingTests {
    /// A fixture of `Tests/SchedulesTests/Fixtures/encoding/` (made with `iconv -f UTF-8 -t GB18030`).
    static func fixture(_ name: String) -> String { Fixtures.path("Tests/SchedulesTests/Fixtures/encoding/\(name)") }

    /// A copy of the quickstart whose clients.csv has the bytes `clients` and whose plan.yaml says `encoding` (nil:
    /// no `encoding:` line).
    static func quickstart(clients: [UInt8], encoding: String? = nil) throws -> String {
        let folder = Fixtures.copy(Fixtures.quickstart)
        try Data(clients).write(to: URL(fileURLWithPath: "\(folder)/clients.csv"))
        if let encoding {
            let plan = try String(contentsOfFile: "\(folder)/plan.yaml", encoding: .utf8)
            try plan.replacingOccurrences(
                of: "clients: clients.csv\n", with: "clients: clients.csv\nencoding: \(encoding)\n"
            )
            .write(toFile: "\(folder)/plan.yaml", atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func bytes(_ fixture: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.fixture(fixture))))
    }

    /// The schedule in `folder` loaded and planned: its warnings, client names, and plan.json.
    static func plan(_ folder: String) async throws -> (warnings: [String], names: [String], json: String) {
        let schedule = try await ScheduleLoader().load(folder: folder)
        let plan = Planner(
            problem: schedule.problem, router: schedule.makeRouter(),
            options: .init(seed: 7, seconds: 0.2, threads: 1)
        ).solve()
        return (
            schedule.warnings, schedule.problem.clients.map(\.name),
            String(decoding: PlanJSON.encode(plan), as: UTF8.self)
        )
    }

    @Test func theFixturesAreGB18030BeyondGBKAndTheSameText() throws {
        let utf8 = try Self.bytes("clients-utf8.csv")
        let gb = try Self.bytes("clients-gb18030.csv")
        #expect(String(validating: gb, as: UTF8.self) == nil)
        let text = try #require(String(validating: utf8, as: UTF8.self))
        // Characters outside the Basic Multilingual Plane (CJK Extension B) are not in GBK: only GB18030 has them.
        #expect(text.unicodeScalars.contains { $0.value > 0xFFFF })
        #expect(GB18030.decode(gb) == text)
    }

    @Test(arguments: ["gb18030", "gbk", "GB18030"])
    func aDeclaredGB18030ClientsFilePlansAsItsUTF8Copy(encoding: String) async throws {
        let expected = try await Self.plan(try Self.quickstart(clients: try Self.bytes("clients-utf8.csv")))
        let got = try await Self.plan(
            try Self.quickstart(clients: try Self.bytes("clients-gb18030.csv"), encoding: encoding))
        #expect(got.names.contains("上海瑞和𪚥生物医药有限公司"))
        #expect(got.names == expected.names)
        #expect(got.json == expected.json)
        #expect(got.json.contains("\"visits\""))
        #expect(got.warnings == expected.warnings)
    }

    @Test func anUndeclaredGB18030ClientsFileIsDetectedWithAWarning() async throws {
        let expected = try await Self.plan(try Self.quickstart(clients: try Self.bytes("clients-utf8.csv")))
        let got = try await Self.plan(try Self.quickstart(clients: try Self.bytes("clients-gb18030.csv")))
        #expect(got.names == expected.names)
        #expect(got.json == expected.json)
        let added = got.warnings.filter { !expected.warnings.contains($0) }
        #expect(added.count == 1)
        let warning = try #require(added.first)
        #expect(warning.contains("clients.csv"))
        #expect(warning.contains("GB18030"))
        #expect(warning.contains("encoding: gb18030"))
    }

    @Test func aUTF8ClientsFileWithAByteOrderMarkIsUTF8EvenWhenDeclaredGB18030() async throws {
        let expected = try await Self.plan(try Self.quickstart(clients: try Self.bytes("clients-utf8.csv")))
        let got = try await Self.plan(
            try Self.quickstart(
                clients: [0xEF, 0xBB, 0xBF] + (try Self.bytes("clients-utf8.csv")), encoding: "gb18030"))
        #expect(got.names == expected.names)
        #expect(got.json == expected.json)
    }

    @Test func aDeclaredGB18030FileThatIsUTF8IsRefusedSayingSo() async throws {
        let folder = try Self.quickstart(clients: try Self.bytes("clients-utf8.csv"), encoding: "gb18030")
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line == 2)
        #expect(error?.message.contains("is UTF-8 text, not GB18030") == true)
    }

    @Test func aDeclaredGB18030FileThatIsUTF8AndDecodesIsReadAsDeclaredWithAWarning() async throws {
        // Every Chinese run becomes "中文", whose UTF-8 bytes (E4 B8 AD E6 96 87) also decode as GB18030, garbled.
        let clients = try String(contentsOfFile: Self.fixture("clients-utf8.csv"), encoding: .utf8)
            .replacing(/[^\x00-\x7F]+/, with: "中文")
        let utf8 = [UInt8](clients.utf8)
        try #require(GB18030.decode(utf8) != nil)
        let schedule = try await ScheduleLoader().load(folder: try Self.quickstart(clients: utf8, encoding: "gb18030"))
        #expect(schedule.problem.clients[0].name != "中文")
        #expect(schedule.warnings.contains { $0.contains("clients.csv") && $0.contains("is UTF-8 text") })
    }

    @Test func anEncodingNotKnownIsRefusedAtItsLineWithTheKnownOnes() async throws {
        let folder = try Self.quickstart(clients: try Self.bytes("clients-utf8.csv"), encoding: "latin1")
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("plan.yaml") == true)
        #expect(error?.line == (try Hostile.line(of: "encoding: latin1", in: "\(folder)/plan.yaml")))
        #expect(error?.message.contains("'latin1'") == true)
        #expect(error?.message.contains("utf-8, gb18030, gbk") == true)
    }

    @Test(arguments: [nil, "gb18030"] as [String?])
    func bytesNeitherUTF8NorGB18030AreRefusedAtTheirLine(encoding: String?) async throws {
        let folder = try Self.quickstart(clients: try Self.bytes("clients-gb18030-bad.csv"), encoding: encoding)
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line == 4)
        #expect(error?.message.contains("GB18030") == true)
    }

    @Test func aGB18030FileDeclaredUTF8IsRefusedSayingHowToDeclareIt() async throws {
        let folder = try Self.quickstart(clients: try Self.bytes("clients-gb18030.csv"), encoding: "utf-8")
        let error = await Hostile.loadError(folder)
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line == 2)
        #expect(error?.message.contains("encoding: gb18030") == true)
    }

    @Test(arguments: [nil, "gb18030"] as [String?])
    func linesInAGB18030FileAreTheLinesOfTheFile(encoding: String?) async throws {
        // su-robot's priority (line 5) becomes 40, out of range; the text before it is Chinese in GB18030.
        let bytes = try Self.bytes("clients-gb18030.csv")
        let text = try #require(GB18030.decode(bytes))
        #expect(text.contains(",4,60,"))
        let edited = try #require(
            text.replacingOccurrences(of: ",4,60,", with: ",40,60,").data(using: GB18030.encoding))
        let error = await Hostile.loadError(try Self.quickstart(clients: [UInt8](edited), encoding: encoding))
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line == 5)
        #expect(error?.message.contains("priority") == true)
    }

    @Test func placesAndATravelMatrixInGB18030AreReadAndEachWarned() async throws {
        let folder = Fixtures.temporaryFolder("encoding")
        let files: [String: String] = [
            "plan.yaml": """
            name: 编码测试
            week:
              start: 2022-03-07
              end: 2022-03-11
            travel_matrix: matrix.csv
            places: places.csv
            staff:
              - id: li
                name: 李明
                home: xuzhou
                start: office

            """,
            "clients.csv":
                "id,name,city,lat,lon,priority,meeting_minutes,calendar\na1,甲公司,xuzhou,34.20,117.20,5,60,free.ics\n",
            "places.csv": "id,name,city,lat,lon,address\noffice,办公室𪚥,xuzhou,34.25,117.18,淮海路1号\n",
            "matrix.csv": "from,to,minutes,备注\noffice,a1,12,经淮海路\n",
            "free.ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tiaoqi//Test//EN\r\nEND:VCALENDAR\r\n",
        ]
        for (name, text) in files {
            let encoding = name == "places.csv" || name == "matrix.csv" ? GB18030.encoding : .utf8
            try #require(text.data(using: encoding)).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        let schedule = try await ScheduleLoader().load(folder: folder)
        #expect(schedule.problem.staff[0].start?.label == "办公室𪚥")
        #expect(schedule.problem.travelMatrix.seconds(from: "office", to: "a1") == 720)
        let warned = schedule.warnings.filter { $0.contains("GB18030") }
        #expect(warned.count == 2)
        #expect(warned.contains { $0.contains("places.csv") } && warned.contains { $0.contains("matrix.csv") })
    }
}
