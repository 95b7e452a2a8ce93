import ArgumentParser
import Feeds
import Foundation
import Messages
import Reports
import Schedules

/// `tiaoqi fetch`: fetch every feed a week needs (or the URLs given) into the cache and say how each went.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch a schedule's calendar feeds (or URLs) into the cache: fresh, not modified, stale or failed.",
        discussion: "Exit 3 when a feed has neither a fresh nor a cached copy.")

    @Argument(help: "A schedule folder, or one or more feed URLs or files.")
    var targets: [String]

    @OptionGroup var feeds: FeedFlags

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    @Option(
        name: .long, help: "Language of the table and messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: ReportLanguageOption?

    /// The output's language: `--lang`, else the environment's.
    var language: ReportLanguage { lang?.language ?? .fromEnvironment() }

    func run() async throws {
        var reports: [FeedReport]
        var isDirectory: ObjCBool = false
        if targets.count == 1, FileManager.default.fileExists(atPath: targets[0], isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            do {
                reports = try await ScheduleLoader(feeds: feeds.options, progress: Progress.feeds(language)).fetchFeeds(
                    folder: targets[0])
            } catch {
                throw Failure.exit(for: error, in: language)
            }
        } else {
            let sources: [FeedSource]
            do {
                let named = try CalendarSource.sources(targets, feeds: feeds.options)
                sources = named.sources
                Failure.warn(named.warnings, in: language)
            } catch {
                throw Failure.exit(for: error, in: language)
            }
            let service = feeds.options.service(defaultCache: CalendarSource.defaultCache)
            reports = await service.fetch(
                sources, validate: FeedValidation.calendar, progress: Progress.feeds(language))
        }
        switch format {
        case .json: Output.json(FeedReportText.json(reports, language: language))
        case .table: Output.text(FeedReportText.table(reports, language: language), terminator: "")
        }
        if reports.contains(where: { $0.outcome == .failed }) { throw ExitCode(3) }
    }
}
