import Feeds
import Foundation
import GTFS
import Schedules
import TestSupport
import Testing

private let calendarText = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"

private func basic(_ userPassword: String) -> String { "Basic " + Data(userPassword.utf8).base64EncodedString() }

/// A schedule folder whose plan.yaml has `feeds` (indented lines under `feeds:`, or nothing) and whose clients'
/// calendars are `calendars`. plan.yaml's `feeds:` is on line 5.
private func schedule(feeds: String?, calendars: [String], netrc: String? = nil) throws -> String {
    let folder = Fixtures.temporaryFolder("credentials")
    try """
    name: 凭据测试
    week: {start: 2022-03-07, end: 2022-03-11}
    network: \(Fixtures.network)
    time_zone: Asia/Shanghai
    \(feeds.map { "feeds:\n" + $0 } ?? "")
    staff:
      - {id: wu, home: xuzhou}
    """.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
    let rows = calendars.enumerated().map { "c\($0.offset),客户\($0.offset),nanjing,32.0,118.8,5,60,\($0.element)" }
    try (["id,name,city,lat,lon,priority,meeting_minutes,calendar"] + rows).joined(separator: "\n")
        .write(toFile: folder + "/clients.csv", atomically: true, encoding: .utf8)
    if let netrc { try netrc.write(toFile: folder + "/feeds.netrc", atomically: true, encoding: .utf8) }
    return folder
}

private func fetch(_ folder: String, _ options: FeedOptions = FeedOptions()) async throws(ScheduleError) -> [FeedReport]
{
    var options = options
    options.cacheFolder = folder + "/cache"
    options.netrcFile = options.netrcFile ?? "/dev/null"  // never the machine's ~/.netrc
    return try await ScheduleLoader(feeds: options).fetchFeeds(folder: folder)
}

@Suite("Feed credentials go only where they belong", .serialized)
struct FeedCredentialTests {
    @Test func aCredentialsFileGivesEachHostItsOwnAndOthersNone() async throws {
        let server = try await LoopbackServer(routes: [
            "/a.ics": .text(calendarText), "/b.ics": .text(calendarText), "/hop.ics": .text(""),
        ])
        server.replace(
            "/hop.ics", with: .init(status: 302, headers: ["Location": "http://localhost:\(server.port)/b.ics"]))
        // Host A is 127.0.0.1, host B is localhost: the same server under two names.
        let folder = try schedule(
            feeds: "  credentials_file: feeds.netrc\n  allow_insecure_auth: true",
            calendars: [server.url("/a.ics"), "http://localhost:\(server.port)/b.ics", server.url("/hop.ics")],
            netrc: "machine 127.0.0.1 login a-user password a-secret\nmachine elsewhere.example login x password y\n")
        let reports = try await fetch(folder)
        await server.stop()
        #expect(reports.map(\.outcome) == [.fresh, .fresh, .fresh], "\(reports.map { String(describing: $0.error) })")
        #expect(server.authorizations("/a.ics") == [basic("a-user:a-secret")])
        #expect(server.authorizations("/hop.ics") == [basic("a-user:a-secret")])
        // B directly, and B as the target of A's redirect: no credentials either time.
        #expect(server.authorizations("/b.ics") == [nil, nil])
    }

    @Test func anEnvironmentVariableIsForTheHostItNames() async throws {
        setenv("TIAOQI_TEST_CREDENTIALS_B", "b-user:b-secret", 1)
        let server = try await LoopbackServer(routes: ["/a.ics": .text(calendarText), "/b.ics": .text(calendarText)])
        let folder = try schedule(
            feeds: "  credentials_env:\n    localhost: TIAOQI_TEST_CREDENTIALS_B\n  allow_insecure_auth: true",
            calendars: [server.url("/a.ics"), "http://localhost:\(server.port)/b.ics"])
        let reports = try await fetch(folder)
        await server.stop()
        #expect(reports.map(\.outcome) == [.fresh, .fresh])
        #expect(server.authorizations("/a.ics") == [nil])
        #expect(server.authorizations("/b.ics") == [basic("b-user:b-secret")])
    }

    @Test func oneVariableForEveryHostIsRefusedAtItsLine() async throws {
        let folder = try schedule(
            feeds: "  credentials_env: TIAOQI_FEED_CREDENTIALS", calendars: ["http://127.0.0.1:9/a.ics"])
        let error = await #expect(throws: ScheduleError.self) { try await fetch(folder) }
        #expect(error?.file.hasSuffix("plan.yaml") == true)
        #expect(error?.line == 6)
        #expect(error?.message.contains("name the host") == true, "\(String(describing: error))")
    }

    @Test func credentialsOverPlainHTTPAreRefusedAtThePlanLineUnlessAllowed() async throws {
        let server = try await LoopbackServer(routes: ["/a.ics": .text(calendarText)])
        let netrc = "machine 127.0.0.1 login a-user password a-secret\n"
        let folder = try schedule(
            feeds: "  credentials_file: feeds.netrc", calendars: [server.url("/a.ics")], netrc: netrc)
        let error = await #expect(throws: ScheduleError.self) { try await fetch(folder) }
        #expect(error?.kind == .badInput)
        #expect(error?.file.hasSuffix("plan.yaml") == true)
        #expect(error?.line == 6)
        #expect(error?.message.contains("plain http") == true, "\(String(describing: error))")
        #expect(error?.message.contains("allow_insecure_auth") == true)
        #expect(error.map { !$0.description.contains("a-secret") } == true)
        #expect(server.authorizations("/a.ics").isEmpty, "a request went out")

        // The same over --netrc names the netrc file's line; a URL's own credentials name the clients.csv row.
        let plain = try schedule(feeds: nil, calendars: [server.url("/a.ics")], netrc: netrc)
        var options = FeedOptions()
        options.netrcFile = plain + "/feeds.netrc"
        let fromNetrc = await #expect(throws: ScheduleError.self) { try await fetch(plain, options) }
        #expect(fromNetrc?.file == plain + "/feeds.netrc")
        #expect(fromNetrc?.line == 1)
        let inURL = try schedule(
            feeds: nil, calendars: [server.url("/a.ics").replacingOccurrences(of: "http://", with: "http://u:p@")])
        let fromURL = await #expect(throws: ScheduleError.self) { try await fetch(inURL) }
        #expect(fromURL?.file.hasSuffix("clients.csv") == true)
        #expect(fromURL?.line == 2)
        #expect(fromURL.map { !$0.description.contains("u:p") } == true)
        await server.stop()
        #expect(server.authorizations("/a.ics").isEmpty, "a request went out")
    }
}
