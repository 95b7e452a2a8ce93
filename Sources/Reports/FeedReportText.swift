import Feeds
import Messages

/// `tiaoqi fetch` output: a table for people, a JSON array for programs.
public enum FeedReportText {
    /// One line per feed: outcome, status, size, age, and the reason when something went wrong.
    public static func table(_ reports: [FeedReport], language: Language = .en) -> String {
        var out = ""
        for report in reports {
            let status = report.status.map(String.init) ?? "-"
            let size = report.body.map { Message(.feedBytes, ["count": .number($0.count)]).text(language) } ?? "-"
            let age = report.ageSeconds.map { Message(.feedAge, ["seconds": .number($0)]).text(language) } ?? ""
            let reason = report.error.map {
                "  " + Message(.feedReason, ["reason": .message($0.sentence)]).text(language)
            }
            out +=
                TextWidth.pad(outcome(report.outcome).text(language), to: 14) + TextWidth.pad(status, to: 5)
                + TextWidth.pad(size, to: 11)
                + TextWidth.pad(age, to: 12) + report.location.redacted + (reason ?? "") + "\n"
        }
        let counts = Dictionary(grouping: reports, by: \.outcome).mapValues(\.count)
        let summary = Message(
            .feedSummary,
            [
                "count": .number(reports.count), "fresh": .number(counts[.fresh] ?? 0),
                "notModified": .number(counts[.notModified] ?? 0), "stale": .number(counts[.stale] ?? 0),
                "failed": .number(counts[.failed] ?? 0),
            ])
        return out + summary.text(language) + "\n"
    }

    /// How a feed was had, in words: the outcome's code in English, a word in Chinese.
    private static func outcome(_ outcome: FeedReport.Outcome) -> Message {
        switch outcome {
        case .fresh: Message(.feedFresh)
        case .notModified: Message(.feedNotModified)
        case .stale: Message(.feedStale)
        case .failed: Message(.feedFailed)
        }
    }

    /// A JSON array: `url`, `outcome`, `status`, `bytes`, `age_seconds`, `error`, one object per feed; the outcome
    /// is a stable code, the error a sentence in `language`.
    public static func json(_ reports: [FeedReport], language: Language = .en) -> String {
        let objects = reports.map { report in
            let fields: [(String, String)] = [
                ("url", JSONText.quote(report.location.redacted)), ("outcome", JSONText.quote(report.outcome.rawValue)),
                ("status", report.status.map(String.init) ?? "null"),
                ("bytes", report.body.map { String($0.count) } ?? "null"),
                ("age_seconds", report.ageSeconds.map(String.init) ?? "null"),
                ("error", report.error.map { JSONText.quote($0.sentence.text(language)) } ?? "null"),
            ]
            return "  {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }
}
