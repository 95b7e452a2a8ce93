import Feeds
import ICalendar

/// Checks a body before it may replace a cached copy.
public enum FeedValidation {
    /// Nil when the body reads as an iCalendar stream, else why not.
    @Sendable public static func calendar(_ body: [UInt8]) -> String? { VCalendar.structuralProblem(body) }

    /// The warning for a copy that is in use although its server did not confirm it now (which feed, why, how old);
    /// nil when the copy is fresh or was used from the cache on purpose.
    public static func staleWarning(_ report: FeedReport, shown: String) -> String? {
        guard report.outcome == .stale, let error = report.error else { return nil }
        return
            "\(shown): \(error.message); using a STALE cached copy, last confirmed by its server \(age(report.ageSeconds ?? 0)) ago"
    }

    /// Seconds as people read them: `42 s`, `5 min`, `3 h 12 min`, `2 d 4 h`.
    static func age(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        switch seconds {
        case ..<120: return "\(seconds) s"
        case ..<3_600: return "\(seconds / 60) min"
        case ..<86_400: return "\(seconds / 3_600) h \(seconds % 3_600 / 60) min"
        default: return "\(seconds / 86_400) d \(seconds % 86_400 / 3_600) h"
        }
    }
}
