import ArgumentParser
import Foundation
import Logging
import Messages
import Server
import Store

/// `tiaoqi serve`: the bureau's shared board in the browser, on the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the bureau's shared board (pages in zh and en, JSON under /api) on the store.",
        discussion: """
            The first part of the shared board: sign in with an account made by tiaoqi account add, then the board of \
            every team's published weeks (coordinators, admins, leads) or the team's own weeks (officers, leads). \
            Cookies are HttpOnly and SameSite=Strict, and Secure unless --host is a loopback address (127.0.0.1, ::1, \
            localhost): anywhere else, put the board behind https. Stops on Ctrl-C.
            """)

    @Option(name: .long, help: "The port to listen on (1 to 65535).")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on; 127.0.0.1 keeps the board to this machine.")
    var host: String = "127.0.0.1"

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() async throws {
        let language = store.language
        try await store.withStore { bureau in
            var logger = Logger(label: "tiaoqi.serve")
            logger.logLevel = .info
            let shown = host.contains(":") ? "[\(host)]" : host
            Output.line(
                Message(
                    .serveListening,
                    ["url": .text("http://\(shown):\(port)/"), "db": .text(store.location.description)]
                ).text(language))
            try await BoardServer.run(store: bureau, host: host, port: port, logger: logger)
        }
    }
}
