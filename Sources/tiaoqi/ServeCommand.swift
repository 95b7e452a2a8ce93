import ArgumentParser
import Foundation
import Logging
import Messages
import Planner
import Server
import Store

/// `tiaoqi serve`: the bureau's shared board in the browser, on the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the bureau's shared board (pages in zh and en, JSON under /api) on the store.",
        discussion: """
            Sign in with an account made by tiaoqi account add. Officers and leads see, replan and publish their \
            team's week (leads also plan it from the store's candidates); coordinators see the board of every \
            team's published weeks with the live clash list; everyone gets a calendar subscription address. The feed \
            watcher fetches the published weeks' calendars again every --watch seconds and marks the weeks that no \
            longer hold. --demo loads the sample bureau (into out/demo/bureau.sqlite unless --db is given) with an \
            account for each role. Cookies are HttpOnly and SameSite=Strict, and Secure unless --host is a loopback \
            address (127.0.0.1, ::1, localhost): anywhere else, put the board behind https. Stops on Ctrl-C.
            """)

    @Option(name: .long, help: "The port to listen on (1 to 65535).")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on; 127.0.0.1 keeps the board to this machine.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Load the sample bureau (when the store is empty) and its demo accounts.")
    var demo = false

    @Option(name: .long, help: "Seconds between two rounds of the feed watcher (0: no watcher; default 300).")
    var watch: Double = 300

    @Option(name: .long, help: "Search effort of a plan made on the board, in seconds of a reference machine.")
    var planSeconds: Double = 1

    @Option(name: .long, help: "Folder where the board lays out schedule folders kept in the store.")
    var work: String?

    @OptionGroup var feeds: FeedFlags

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535") }
        guard watch >= 0, watch <= 86_400 else { throw ValidationError("--watch must be from 0 to 86400 seconds") }
        guard planSeconds > 0, planSeconds <= 600 else {
            throw ValidationError("--plan-seconds must be more than 0 and at most 600")
        }
    }

    func run() async throws {
        let language = store.language
        var options = store
        if demo, options.db == nil {
            try? FileManager.default.createDirectory(
                atPath: (BoardDemo.defaultStore as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            options.db = BoardDemo.defaultStore
        }
        let location = options.location
        try await options.withStore { bureau in
            if demo {
                guard let root = BoardDemo.root() else {
                    Output.error("tiaoqi: " + Message(.serveDemoNotFound).text(language))
                    throw ExitCode(2)
                }
                if try await BoardDemo.load(into: bureau, root: root) {
                    Output.line(Message(.serveDemoLoaded, ["db": .text(location.description)]).text(language))
                }
                Output.line(
                    Message(
                        .serveDemoAccounts,
                        [
                            "accounts": .names(BoardDemo.accounts.map(\.id)),
                            "password": .text(BoardDemo.password),
                        ]
                    ).text(language))
            }
            var logger = Logger(label: "tiaoqi.serve")
            logger.logLevel = .info
            let shown = host.contains(":") ? "[\(host)]" : host
            Output.line(
                Message(
                    .serveListening,
                    ["url": .text("http://\(shown):\(port)/"), "db": .text(location.description)]
                ).text(language))
            let settings = BoardSettings(
                feeds: feeds.options, planner: Planner.Options(seed: 1, seconds: planSeconds, threads: 1),
                workFolder: work ?? NSTemporaryDirectory() + "tiaoqi-board", watchSeconds: watch > 0 ? watch : nil)
            try await BoardServer.run(store: bureau, host: host, port: port, settings: settings, logger: logger)
        }
    }
}
