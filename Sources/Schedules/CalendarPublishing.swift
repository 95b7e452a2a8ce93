import Feeds
import Foundation
import GTFS
import Messages

/// `plan --publish-caldav URL`: each person's itinerary written into their CalDAV calendar, with the schedule's feed
/// credentials, limits and timeouts, and a record per calendar in `<schedule>/.tiaoqi/caldav/` of what Tiaoqi wrote.
public struct CalendarPublishing: Sendable {
    /// How requests go: timeouts, CA bundle, credentials files, plain-http permission.
    public var feeds: FeedOptions
    /// Transfers; by default the feeds' fetcher (its limits and retries).
    public var fetcher: FeedFetcher

    /// Publishing with these feed options.
    public init(feeds: FeedOptions = FeedOptions()) {
        self.feeds = feeds
        self.fetcher = feeds.fetcher
    }

    /// How one person's calendar went.
    public struct Person: Sendable {
        /// The staff id.
        public var staff: String
        /// What happened to each event, or why nothing could be done.
        public var report: PublishReport
    }

    /// Every person's result, and warnings about credentials.
    public struct Outcome: Sendable {
        /// By staff id, sorted.
        public var people: [Person]
        /// Said to the user (a credentials variable named but not set, …).
        public var warnings: [Message]
    }

    /// The collection URL of `staff`: `{staff}` in `template` replaced by the id, else the id and `/` after the URL.
    public static func collection(_ template: String, staff: String) -> String {
        let id = String(PublishEvent.resource(for: staff).dropLast(4))
        if template.contains("{staff}") { return template.replacingOccurrences(of: "{staff}", with: id) }
        return template + (template.hasSuffix("/") ? "" : "/") + id + "/"
    }

    /// Where a schedule's publish records are kept: `<schedule>/.tiaoqi/caldav`.
    public static func recordFolder(schedule folder: String) -> String {
        (folder as NSString).appendingPathComponent(".tiaoqi/caldav")
    }

    /// Publishes each person's `.ics` text (staff id → text) of the schedule in `folder` under `url`; throws, before
    /// anything is sent, when the URL is not http(s) or credentials would go over plain http.
    public func publish(_ calendars: [String: String], url: String, schedule folder: String) async throws(ScheduleError)
        -> Outcome
    {
        let shown = "--publish-caldav"
        let planPath = (folder as NSString).appendingPathComponent("plan.yaml")
        var settings = FeedSettings()
        if let data = FileManager.default.contents(atPath: planPath) {
            settings = try PlanFile(text: try InputText.decode(data, file: planPath), file: planPath).feeds
        }
        let credentials = try FeedCredentials(options: feeds, settings: settings, planPath: planPath, folder: folder)
        var targets: [(staff: String, target: CalDAVPublisher.Target)] = []
        for staff in calendars.keys.sorted() {
            let text = CalendarPublishing.collection(url, staff: staff)
            let location: FeedLocation
            do {
                location = try FeedLocation(text)
            } catch {
                throw ScheduleError(file: shown, error.sentence)
            }
            guard !location.isFile, location.url.hasPrefix("http") else {
                throw ScheduleError(file: shown, Message(.publishNotHTTP))
            }
            let source = try credentials.source(for: location, window: nil, file: shown, line: nil)
            let record = PublishRecord.path(
                for: location, in: CalendarPublishing.recordFolder(schedule: folder))
            targets.append(
                (
                    staff,
                    CalDAVPublisher.Target(
                        collection: location, credentials: source.credentials,
                        allowInsecureAuth: source.allowInsecureAuth, recordPath: record)
                ))
        }
        let publisher = CalDAVPublisher(fetcher: fetcher)
        var people: [Person] = []
        for (staff, target) in targets {
            let events = PublishEvents.events(of: calendars[staff] ?? "")
            let report = await publisher.publish(events, to: target, inspect: PublishEvents.inspect)
            people.append(Person(staff: staff, report: report))
        }
        return Outcome(people: people, warnings: credentials.warnings)
    }
}
