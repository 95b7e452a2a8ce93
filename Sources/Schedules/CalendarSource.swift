import Feeds
import Foundation
import ICalendar

/// Reads one calendar named on the command line: a file path or a URL, fetched through Feeds.
public enum CalendarSource {
    /// Fetches and parses; errors name the file (and line) and decide the exit code.
    public static func read(_ location: String, strict: Bool, fetcher: FeedFetcher = FeedFetcher()) throws(ScheduleError) -> VCalendar {
        let feed: FeedLocation
        let response: FeedResponse
        do {
            feed = try FeedLocation(location, relativeTo: FileManager.default.currentDirectoryPath)
            response = try fetcher.fetchBlocking(feed)
        } catch {
            let kind: ScheduleError.Kind = error.kind == .fileUnreadable || error.kind == .badLocation ? .badInput : .feedUnavailable
            throw ScheduleError(kind, file: error.location, error.message)
        }
        do {
            return try VCalendar.parse(bytes: try response.utf8Body(), strict: strict)
        } catch let error as ICalendarError {
            throw ScheduleError(file: feed.redacted, line: error.line > 0 ? error.line : nil, error.message)
        } catch let error as FeedError {
            throw ScheduleError(file: feed.redacted, error.message)
        } catch {
            throw ScheduleError(file: feed.redacted, "\(error)")
        }
    }
}
