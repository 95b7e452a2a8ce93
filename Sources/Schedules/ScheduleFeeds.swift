import Feeds
import Foundation
import GTFS
import ICalendar
import Messages
import Timeline

/// How calendar feeds are fetched: cache folder, offline use, whole-request timeout.
public struct FeedOptions: Sendable {
    /// The cache folder; nil means `<schedule>/.tiaoqi/cache`.
    public var cacheFolder: String?
    /// Use cached copies only.
    public var offline: Bool = false
    /// Use cached copies where there are any, and fetch only the feeds never fetched.
    public var cacheFirst: Bool = false
    /// Seconds for a whole request, nil for the default; clamped to 1...`FeedFetcher.Limits.maxTimeoutSeconds`.
    public var timeout: Int?
    /// A CA bundle to trust for https feeds.
    public var caBundle: String?
    /// A netrc-style file of credentials by host (`--netrc`), read instead of `~/.netrc`.
    public var netrcFile: String?
    /// Allow credentials over plain http (`--allow-insecure-auth`), as `allow_insecure_auth: true` in plan.yaml does.
    public var allowInsecureAuth = false

    /// The defaults.
    public init(cacheFolder: String? = nil, offline: Bool = false, timeout: Int? = nil) {
        self.cacheFolder = cacheFolder
        self.offline = offline
        self.timeout = timeout
    }

    /// The fetcher these options describe.
    public var fetcher: FeedFetcher {
        var limits = FeedFetcher.Limits()
        if let timeout { limits.totalTimeout = timeout }
        limits.caBundle = caBundle
        return FeedFetcher(limits: limits)
    }

    /// The feed service for a cache folder.
    public func service(defaultCache: String) -> FeedService {
        FeedService(
            fetcher: fetcher, cache: FeedCache(folder: cacheFolder ?? defaultCache), offline: offline,
            cacheFirst: cacheFirst)
    }
}

/// A calendar named at a file and line (a row of clients.csv, a staff entry of plan.yaml).
struct FeedCitation {
    var location: String
    var file: String
    var line: Int
}

/// Fetches a schedule's feeds together and parses them, turning failures into `file:line` errors.
struct ScheduleFeeds {
    let options: FeedOptions
    let planFile: PlanFile
    let folder: String
    let lenient: Bool
    let progress: (@Sendable (Int, Int) -> Void)?

    struct Fetched {
        var calendars: [String: VCalendar] = [:]
        var reports: [FeedReport] = []
        var warnings: [Message] = []
        /// How each calendar is named in messages, by the location text the schedule gives.
        var shown: [String: String] = [:]

        /// Warnings from expanding calendars (`RecurrenceLimits`), as `file:line: message`, each said once.
        mutating func warn(_ diagnostics: [Diagnostic], location: String) {
            for diagnostic in diagnostics {
                let text = diagnostic.located(in: shown[location] ?? location)
                if !warnings.contains(text) { warnings.append(text) }
            }
        }
    }

    func fetch(_ citations: [FeedCitation], window: Interval, failHard: Bool = true) async throws(ScheduleError)
        -> Fetched
    {
        var unique: [String: FeedCitation] = [:]
        var order: [String] = []
        for citation in citations where unique[citation.location] == nil {
            unique[citation.location] = citation
            order.append(citation.location)
        }
        let credentials = try FeedCredentials(
            options: options, settings: planFile.feeds, planPath: planFile.file, folder: folder)
        let range = (
            start: DateTimeValue.utc(window.start).icalendarText, end: DateTimeValue.utc(window.end).icalendarText
        )
        var sources: [FeedSource] = []
        for text in order {
            let citation = unique[text]!
            let location: FeedLocation
            do {
                location = try FeedLocation(text, relativeTo: folder)
            } catch {
                throw ScheduleError(
                    file: citation.file, line: citation.line, Message.calendar(error.location, error.sentence))
            }
            sources.append(
                try credentials.source(for: location, window: range, file: citation.file, line: citation.line))
        }
        let service = options.service(defaultCache: (folder as NSString).appendingPathComponent(".tiaoqi/cache"))
        let reports = await service.fetch(sources, validate: FeedValidation.calendar, progress: progress)
        var fetched = Fetched(reports: reports, warnings: credentials.warnings)
        for (text, report) in zip(order, reports) {
            let citation = unique[text]!
            let shown = report.location.path ?? report.location.redacted
            guard let body = report.body else {
                guard failHard else { continue }
                throw ScheduleError(feed: report.error!, file: citation.file, line: citation.line)
            }
            if let warning = FeedValidation.staleWarning(report, shown: shown) { fetched.warnings.append(warning) }
            do {
                let calendar = try VCalendar.parse(bytes: body, strict: !lenient)
                fetched.warnings += calendar.diagnostics.map { $0.located(in: shown) }
                fetched.calendars[text] = calendar
                fetched.shown[text] = shown
            } catch {
                guard failHard else { continue }
                throw ScheduleError(
                    file: shown, line: error.line > 0 ? error.line : nil,
                    Message(.calendarLineUnreadable, ["error": .message(error.sentence)]))
            }
        }
        return fetched
    }
}
