import Foundation
import TestSupport
import Testing

/// The shared board in a real browser: Debian's headless Chromium, driven by Playwright (Tests/Browser), on
/// `tiaoqi serve` over a store made with the command line. Screenshots of every page visited are kept in
/// artifacts/browser/TEST/. Skipped when `.venv-test` has no Playwright, unless CI=true.
@Suite("The shared board in a browser", .serialized)
struct BrowserTests {
    @Test(.enabled(if: BrowserBoard.playwrightInstalled || BrowserBoard.requiredByCI, BrowserBoard.skipReason))
    func signingInTheBoardAndItsLanguagesInChromium() async throws {
        try #require(
            BrowserBoard.playwrightInstalled,
            "CI=true and .venv-test has no Playwright: run scripts/ensure-deps --tests")
        let board = BrowserBoard()
        try await board.prepare()
        try await board.start()
        defer { board.stop() }
        let flows = [
            "officer-week", "coordinator-board", "wrong-password", "hostile-name", "hostile-data", "language",
            "move-visit",
        ]
        let run = try await board.flows(flows, test: "signingInTheBoardAndItsLanguagesInChromium")
        print(run.stdout, terminator: "")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        for flow in flows {
            #expect(run.stdout.contains("ok    \(flow) "), "\(flow) did not pass")
        }
    }

    /// An officer replans after a client's calendar changed on a loopback feed server, accepts the changes and
    /// publishes; a coordinator in a second context sees the new clashes appear when another team publishes,
    /// without reloading.
    @Test(.enabled(if: BrowserBoard.playwrightInstalled || BrowserBoard.requiredByCI, BrowserBoard.skipReason))
    func replanningAfterACalendarChangeAndTheLiveClashListInChromium() async throws {
        try #require(
            BrowserBoard.playwrightInstalled,
            "CI=true and .venv-test has no Playwright: run scripts/ensure-deps --tests")
        let board = BrowserBoard()
        try await board.prepare(live: true)
        try await board.start()
        defer { board.stop() }
        let run = try await board.flows(
            ["replan-and-live-clash"], test: "replanningAfterACalendarChangeAndTheLiveClashListInChromium")
        print(run.stdout, terminator: "")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("ok    replan-and-live-clash "))
    }
}
