import Foundation
import Pipeline
import Planner
import Schedules

/// How the board plans and watches: calendar fetching, the search's effort, where schedule folders are laid out, and
/// how often the published weeks' calendars are fetched again.
public struct BoardSettings: Sendable {
    /// Calendar fetching: cache folder, timeout, limits, credentials. The board reads cached copies first when it
    /// shows a week, and fetches when it plans or watches.
    public var feeds: FeedOptions
    /// The search's seed, effort and threads for a plan made on the board (one thread by default, so a plan leaves
    /// the other core to the pages).
    public var planner: Planner.Options
    /// The folder where the schedule folders kept in the store are laid out to be loaded (made when missing).
    public var workFolder: String
    /// Seconds between two rounds of the feed watcher; nil: no watcher.
    public var watchSeconds: Double?
    /// Seconds an event stream stays open; then it ends and the browser opens a new one (a connection is never held
    /// forever by a page left open).
    public var eventStreamSeconds: Double

    /// Settings from their parts.
    public init(
        feeds: FeedOptions = FeedOptions(), planner: Planner.Options = .init(seed: 1, seconds: 1, threads: 1),
        workFolder: String = NSTemporaryDirectory() + "tiaoqi-board", watchSeconds: Double? = nil,
        eventStreamSeconds: Double = 600
    ) {
        self.feeds = feeds
        self.planner = planner
        self.workFolder = workFolder
        self.watchSeconds = watchSeconds
        self.eventStreamSeconds = eventStreamSeconds
    }

    /// The planning run for a week made or replanned on the board (calendars fetched now).
    var planning: WeekPlanning { WeekPlanning(feeds: feeds, lenient: true, options: planner) }

    /// The loader for showing and checking a published week (cached calendars first).
    var cachedLoader: ScheduleLoader {
        var options = feeds
        options.cacheFirst = true
        return ScheduleLoader(feeds: options, lenient: true)
    }

    /// The loader for the watcher: calendars fetched now, the cached copy kept when a fetch fails.
    var freshLoader: ScheduleLoader { ScheduleLoader(feeds: feeds, lenient: true) }
}
