import Feeds
import Foundation
import GTFS
import ICalendar
import Messages

/// Reads one calendar named on the command line (a file path or a URL) through the same fetch and cache path as a
/// schedule's feeds.
public enum CalendarSource {
    /// Where feeds outside a schedule are cached: `$XDG_CACHE_HOME/tiaoqi`, else `~/.cache/tiaoqi`.
    public static var defaultCache: String {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"]
            ?? ((environment["HOME"] ?? NSTemporaryDirectory()) as NSString).appendingPathComponent(".cache")
        return (base as NSString).appendingPathComponent("tiaoqi")
    }

    /// The sources for feeds named on the command line, each with the credentials for its host (`--netrc` or
    /// `~/.netrc`), and warnings; throws when a location is bad or credentials would go over plain http.
    public static func sources(_ locations: [String], feeds: FeedOptions) throws(ScheduleError) -> (
        sources: [FeedSource], warnings: [Message]
    ) {
        let credentials = try FeedCredentials(options: feeds)
        var sources: [FeedSource] = []
        for text in locations {
            let location: FeedLocation
            do {
                location = try FeedLocation(text, relativeTo: FileManager.default.currentDirectoryPath)
            } catch {
                throw ScheduleError(file: error.location, error.sentence)
            }
            sources.append(try credentials.source(for: location, window: nil, file: location.redacted, line: nil))
        }
        return (sources, credentials.warnings)
    }

    /// Fetches and parses; errors name the file (and line) and decide the exit code. Returns warnings too.
    public static func read(_ location: String, strict: Bool, feeds: FeedOptions = FeedOptions())
        async throws(ScheduleError) -> (VCalendar, [Message])
    {
        let feed: FeedLocation
        do {
            feed = try FeedLocation(location, relativeTo: FileManager.default.currentDirectoryPath)
        } catch {
            throw ScheduleError(file: error.location, error.sentence)
        }
        let credentials = try FeedCredentials(options: feeds)
        let source = try credentials.source(for: feed, window: nil, file: feed.redacted, line: nil)
        let report = await feeds.service(defaultCache: defaultCache).fetch([source], validate: FeedValidation.calendar)[
            0]
        guard let body = report.body else {
            throw ScheduleError(feed: report.error!, file: location)
        }
        var warnings = credentials.warnings
        if let warning = FeedValidation.staleWarning(report, shown: feed.redacted) { warnings.append(warning) }
        do {
            let calendar = try VCalendar.parse(bytes: body, strict: strict)
            return (calendar, warnings + calendar.diagnostics.map { $0.located(in: location) })
        } catch {
            throw ScheduleError(file: location, line: error.line > 0 ? error.line : nil, error.sentence)
        }
    }
}
