import ArgumentParser
import Foundation
import ICalendar
import Messages
import Reports
import Schedules
import Timeline

/// `tiaoqi calendar`: look inside one calendar feed.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Expand a calendar's events or its busy time over a window.",
        subcommands: [Expand.self, FreeBusy.self])

    /// Options both subcommands take.
    struct Window: ParsableArguments {
        @Argument(help: "An .ics file or an http(s)/webcal URL.")
        var source: String

        @Option(name: .long, help: "Window start: YYYY-MM-DD or an ISO date-time (read in --tz when it has no offset).")
        var from: String

        @Option(name: .long, help: "Window end (exclusive), same forms as --from.")
        var to: String

        @Option(
            name: .long,
            help:
                "Zone for floating times, all-day dates and --from/--to without offset (default: X-WR-TIMEZONE, else UTC)."
        )
        var tz: String?

        @Flag(name: .long, help: "Stop at the first line that cannot be read instead of skipping it with a warning.")
        var strict = false

        @OptionGroup var feeds: FeedFlags

        @Option(
            name: .long,
            help: "Language of the lines and messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
        var lang: ReportLanguageOption?

        /// The output's language: `--lang`, else the environment's.
        var language: ReportLanguage { lang?.language ?? .fromEnvironment() }

        /// Each calendar diagnostic as a warning, `source:line: message`.
        func warn(_ diagnostics: [Diagnostic]) {
            Failure.warn(diagnostics.map { $0.located(in: source) }, in: language)
        }

        func load() async throws -> (VCalendar, Interval, Zone) {
            let zone: Zone
            if let tz {
                guard let named = Zone(identifier: tz) else {
                    throw ValidationError("--tz '\(tz)' is not an IANA zone such as Asia/Shanghai")
                }
                zone = named
            } else {
                zone = .utc
            }
            let calendar: VCalendar
            let warnings: [Message]
            do {
                (calendar, warnings) = try await CalendarSource.read(source, strict: strict, feeds: feeds.options)
            } catch {
                throw Failure.exit(for: error, in: language)
            }
            let floating = tz == nil ? calendar.floatingZone(fallback: zone) : zone
            guard let start = Instant(iso8601: from, zone: floating), let end = Instant(iso8601: to, zone: floating)
            else {
                throw ValidationError("--from and --to must be YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]")
            }
            guard start < end else { throw ValidationError("--from must be before --to") }
            Failure.warn(warnings, in: language)
            return (calendar, Interval(start, end), floating)
        }
    }

    enum LineFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    struct Expand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every occurrence overlapping the window.")

        @OptionGroup var window: Window

        @Option(name: .long, help: "text (for people) or jsonl (one JSON object a line).")
        var format: LineFormat = .text

        func run() async throws {
            let (calendar, interval, zone) = try await window.load()
            var diagnostics: [Diagnostic] = []
            let occurrences = calendar.occurrences(in: interval, floating: zone, diagnostics: &diagnostics)
            window.warn(diagnostics)
            for occurrence in occurrences {
                if format == .jsonl {
                    Output.json(OccurrenceText.jsonLine(occurrence))
                } else {
                    Output.line(OccurrenceText.humanLine(occurrence, zone: zone, language: window.language))
                }
            }
        }
    }

    struct FreeBusy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "freebusy", abstract: "Print merged busy intervals inside the window.")

        @OptionGroup var window: Window

        @Option(name: .long, help: "text (for people) or jsonl (one {\"start\", \"end\"} object a line, UTC).")
        var format: LineFormat = .text

        func run() async throws {
            let (calendar, interval, zone) = try await window.load()
            var diagnostics: [Diagnostic] = []
            let busyTime = calendar.busy(in: interval, floating: zone, diagnostics: &diagnostics)
            window.warn(diagnostics)
            for busy in busyTime.intervals {
                switch format {
                case .jsonl: Output.json(OccurrenceText.busyJSONLine(busy))
                case .text: Output.text(OccurrenceText.busyHumanLine(busy, zone: zone, language: window.language))
                }
            }
        }
    }
}
