import ArgumentParser
import Foundation
import Messages
import Reports
import Schedules

/// The `tiaoqi` command: plans multi-city weeks and checks plans.
@main
struct Tiaoqi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiaoqi",
        abstract: "Plan investment-promotion officers' multi-city weeks from calendars and timetables.",
        discussion: """
            Exit codes: 0 done; 1 done but something needs a human (must-visits left out, audit findings, clashes); \
            2 bad input or usage; 3 feeds or network failed and no usable copy.
            """,
        subcommands: [
            PlanCommand.self, CheckCommand.self, ClashesCommand.self, CalendarCommand.self, FetchCommand.self,
            RouteCommand.self, BureauCommand.self, WeekCommand.self, PublishCommand.self, LogCommand.self,
            ReportCommand.self, ServeCommand.self, AccountCommand.self, OfferCommand.self,
        ])

    /// Runs the command line; usage errors exit 2 as DESIGN.md promises (ArgumentParser alone would exit 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.errorText(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// Output forms shared by the commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Output forms of the commands that report clashes and audit findings.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, html
}

/// `--format table|json|html` and `--lang zh|en`, for the commands that report clashes and audit findings.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Output: table, json or html (one self-contained page: timelines, route map, and the clashes or findings).")
    var format: ReportFormat = .table

    @Option(name: .long, help: "Language of the output: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: ReportLanguageOption?

    /// The report's language: `--lang`, else the environment's.
    var language: ReportLanguage { lang?.language ?? .fromEnvironment() }
}

/// `--lang zh|en`.
struct ReportLanguageOption: ExpressibleByArgument {
    var language: ReportLanguage

    init?(argument: String) {
        guard let language = ReportLanguage(rawValue: argument.lowercased()) else { return nil }
        self.language = language
    }
}
