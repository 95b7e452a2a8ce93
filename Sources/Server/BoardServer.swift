import Foundation
import Hummingbird
import Logging
import Store
import Timeline

/// `tiaoqi serve`: the bureau's shared board as a Hummingbird application on the store.
public enum BoardServer {
    /// The board's routes on `store`: login and logout, the pages for each role, `/healthz`, `/api/weeks`.
    /// `passwords` sets bcrypt's cost; `clock` gives the time (tests move it).
    public static func router(
        store: BureauStore, cookies: CookieRules, passwords: Passwords = Passwords(),
        clock: @escaping @Sendable () -> Instant = { Instant(.now) }
    ) -> Router<BoardContext> {
        let router = Router(context: BoardContext.self)
        router.add(middleware: SessionMiddleware(store: store, clock: clock))
        LoginRoutes(store: store, passwords: passwords, cookies: cookies, clock: clock).add(to: router)
        BoardRoutes(store: store).add(to: router)
        return router
    }

    /// The application listening on `host`:`port`; cookies are Secure unless `host` is a loopback address (see
    /// `CookieRules`).
    public static func application(
        store: BureauStore, host: String, port: Int, passwords: Passwords = Passwords(), logger: Logger
    ) -> some ApplicationProtocol {
        Application(
            router: router(store: store, cookies: CookieRules(host: host), passwords: passwords),
            configuration: .init(address: .hostname(host, port: port), serverName: "tiaoqi"),
            logger: logger)
    }

    /// Runs the board on `host`:`port` until SIGINT or SIGTERM, then stops gracefully.
    public static func run(store: BureauStore, host: String, port: Int, logger: Logger) async throws {
        try await application(store: store, host: host, port: port, logger: logger).runService()
    }
}
