import Feeds
import ICalendar
import Itinerary
import Messages

/// Checks a body before it may replace a cached copy.
public enum FeedValidation {
    /// Nil when the body reads as an iCalendar stream, else why not.
    @Sendable public static func calendar(_ body: [UInt8]) -> Message? { VCalendar.structuralProblem(body) }

    /// The warning for a copy that is in use although its server did not confirm it now (which feed, why, how old);
    /// nil when the copy is fresh or was used from the cache on purpose.
    public static func staleWarning(_ report: FeedReport, shown: String) -> Message? {
        guard report.outcome == .stale, let error = report.error else { return nil }
        return Message.at(
            shown,
            Message(
                .staleCopyInUse, ["reason": .message(error.sentence), "age": .age(seconds: report.ageSeconds ?? 0)]))
    }

    /// The stale copies among `reports`, for the plan to carry.
    public static func staleCalendars(_ reports: [FeedReport]) -> [StaleCalendar] {
        reports.compactMap { report in
            guard report.outcome == .stale, let error = report.error else { return nil }
            return StaleCalendar(
                feed: report.location.redacted, ageSeconds: report.ageSeconds ?? 0, reason: error.sentence)
        }
    }
}
