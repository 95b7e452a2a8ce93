import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Store
import Timeline

/// `tiaoqi serve`: the bureau's shared board as a Hummingbird application on the store.
public enum BoardServer {
    /// The board's routes on `store`: login and logout, the pages for each role, the calendar subscriptions,
    /// `/healthz`, the JSON API and its `/openapi.json`. `passwords` sets bcrypt's cost; `clock` gives the time
    /// (tests move it); `settings` how it plans and fetches calendars.
    public static func router(
        store: BureauStore, cookies: CookieRules, passwords: Passwords = Passwords(),
        clock: @escaping @Sendable () -> Instant = { Instant(.now) }, settings: BoardSettings = BoardSettings(),
        logger: Logger = Logger(label: "tiaoqi.board")
    ) -> Router<BoardContext> {
        router(
            store: store, cookies: cookies, passwords: passwords, clock: clock, settings: settings,
            state: BoardState(store: store, settings: settings, logger: logger, clock: clock))
    }

    static func router(
        store: BureauStore, cookies: CookieRules, passwords: Passwords, clock: @escaping @Sendable () -> Instant,
        settings: BoardSettings, state: BoardState
    ) -> Router<BoardContext> {
        let router = Router(context: BoardContext.self)
        let sessions = RecentLookups<FoundSession>()
        router.add(middleware: SessionMiddleware(store: store, sessions: sessions, clock: clock))
        LoginRoutes(store: store, sessions: sessions, passwords: passwords, cookies: cookies, clock: clock)
            .add(to: router)
        BoardRoutes(store: store, state: state, settings: settings).add(to: router)
        WeekRoutes(store: store, state: state, settings: settings, searches: SearchQueue(), clock: clock)
            .add(to: router)
        CalendarRoutes(store: store, state: state, clock: clock).add(to: router)
        BureauRoutes(store: store, clock: clock).add(to: router)
        APIRoutes(store: store, state: state).add(to: router)
        return router
    }

    /// The application listening on `host`:`port`, with the feed watcher when `settings` asks for one; cookies are
    /// Secure unless `host` is a loopback address (see `CookieRules`).
    public static func application(
        store: BureauStore, host: String, port: Int, passwords: Passwords = Passwords(),
        settings: BoardSettings = BoardSettings(), logger: Logger
    ) -> some ApplicationProtocol {
        let clock: @Sendable () -> Instant = { Instant(.now) }
        let state = BoardState(store: store, settings: settings, logger: logger, clock: clock)
        return Application(
            router: router(
                store: store, cookies: CookieRules(host: host), passwords: passwords, clock: clock, settings: settings,
                state: state),
            configuration: .init(address: .hostname(host, port: port), serverName: "tiaoqi"),
            services: [FeedWatcher(state: state, seconds: settings.watchSeconds, logger: logger)],
            logger: logger)
    }

    /// Runs the board on `host`:`port` until SIGINT or SIGTERM, then stops gracefully.
    public static func run(
        store: BureauStore, host: String, port: Int, settings: BoardSettings = BoardSettings(), logger: Logger
    ) async throws {
        try await application(store: store, host: host, port: port, settings: settings, logger: logger).runService()
    }
}

/// The feed watcher: checks the published weeks when the board starts; every `followSeconds` looks whether someone
/// published elsewhere (`tiaoqi publish`, another server on the store) and checks again if so; and every `seconds`
/// fetches the published weeks' calendars again (conditional GET, cache, limits and timeouts of the Feeds module; a
/// feed that fails or hangs keeps its cached copy and marks the week's calendars stale), re-audits the weeks, marks
/// the stale ones, finds the clashes anew, records what changed and tells the board's listeners.
struct FeedWatcher: Service {
    /// Seconds between two looks at the store for publications made elsewhere.
    static let followSeconds = 2.0

    let state: BoardState
    let seconds: Double?
    let logger: Logger

    func run() async throws {
        await state.refresh()
        if let seconds { logger.info("feed watcher on", metadata: ["seconds": .stringConvertible(seconds)]) }
        try? await cancelWhenGracefulShutdown {
            var watched = ContinuousClock.now
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(Self.followSeconds))
                await state.followStore()
                if let seconds, seconds > 0, ContinuousClock.now - watched >= .seconds(seconds) {
                    watched = .now
                    await state.refresh(fresh: true)
                }
            }
        }
        // A check a publication started may still run: the store stays open until it is done.
        await state.settle()
    }
}
