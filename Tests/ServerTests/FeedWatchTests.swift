import Audit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Itinerary
import Logging
import Messages
import Planner
import Schedules
import Store
import TestSupport
import Testing
import Timeline

@testable import Server

/// The feed watcher against feeds that hang or answer garbage: its fetches are bounded, the cached copy is used and
/// the week marked stale, and the board answers at once meanwhile.
@Suite(.serialized) struct FeedWatchTests {
    /// A lead plans and publishes yunlong's week of 2022-03-14, every client's calendar on the fault server.
    static func publishedOnFaultServer(_ board: SampleBoard, _ feeds: FaultServer, _ client: any TestClientProtocol)
        async throws
    {
        try await board.store.save(
            try await board.store.clients().map { site in
                var site = site
                site.calendar = feeds.url("/feed/client.ics")
                return site
            })
        let chen = try await demoSession(client, "chen")
        #expect(try await post(client, "/week/plan", chen, ["week": "2022-03-14"]).status == .seeOther)
        #expect(try await post(client, "/week/publish", chen, ["week": "2022-03-14"]).status == .seeOther)
    }

    @Test(arguments: ["held", "html"])
    func aFeedThatHangsOrAnswersGarbageNeverStallsTheBoardAndMarksTheWeekStale(mode: String) async throws {
        let board = try await SampleBoard.make()
        let feeds = try FaultServer()
        defer { feeds.stop() }
        var settings = board.settings
        settings.feeds.timeout = 2
        var logger = Logger(label: "tiaoqi.serve.test")
        logger.logLevel = .warning
        let state = BoardState(store: board.store, settings: settings, logger: logger, clock: { Instant(.now) })
        let router = BoardServer.router(
            store: board.store, cookies: CookieRules(secure: false), passwords: Passwords(cost: 4),
            clock: { Instant(.now) }, settings: settings, state: state)
        let app = Application(router: router, logger: logger)
        try await app.test(.router) { client in
            try await Self.publishedOnFaultServer(board, feeds, client)
            await state.refresh()
            let key = BoardState.key("yunlong", LocalDate(iso: "2022-03-14")!)
            let before = try #require(await state.weeks[key])
            #expect(
                !before.isStale,
                "\(before.findings.map { $0.message.text(.en) }) \(before.problem?.text(.en) ?? "") \(before.plan?.staleCalendars ?? [])"
            )
            try feeds.set("/feed/client.ics", mode: mode)
            let coordinator = try await demoSession(client, "coordinator")
            let started = ContinuousClock.now
            let watching = Task { await state.refresh(fresh: true) }
            // While the watcher waits on the feed, the board answers at once, from the last check.
            for _ in 0..<5 {
                let asked = ContinuousClock.now
                let page = try await client.execute(uri: "/board", method: .get, headers: coordinator.cookie)
                #expect(page.status == .ok)
                #expect(ContinuousClock.now - asked < .seconds(1))
            }
            await watching.value
            try feeds.release()
            // Bounded: the timeout (2 s) and a retry at most, not the feed's hang.
            #expect(ContinuousClock.now - started < .seconds(20))
            let week = try #require(await state.weeks[key])
            #expect(week.isStale)
            #expect(week.plan?.staleCalendars?.isEmpty == false)
            #expect(week.schedule != nil)  // the cached copy, still usable
            let json = try await client.execute(uri: "/api/board", method: .get, headers: coordinator.cookie)
            #expect(String(buffer: json.body).contains("\"stale\":true"))
            let stale = try await board.store.changes().filter { $0.action == "stale" }
            #expect(stale.contains { $0.subject.hasPrefix("yunlong/2022-03-14") })
        }
        try? await board.store.close()
    }
}
