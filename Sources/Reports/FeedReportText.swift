import Feeds

/// `tiaoqi fetch` output: a table for people, a JSON array for programs.
public enum FeedReportText {
    /// One line per feed: outcome, status, size, age, and the reason when something went wrong.
    public static func table(_ reports: [FeedReport]) -> String {
        var out = ""
        for report in reports {
            let status = report.status.map(String.init) ?? "-"
            let size = report.body.map { "\($0.count) B" } ?? "-"
            let age = report.ageSeconds.map { "\($0) s old" } ?? ""
            let reason = report.error.map { "  (\($0.message))" } ?? ""
            out +=
                TextWidth.pad(report.outcome.rawValue, to: 14) + TextWidth.pad(status, to: 5)
                + TextWidth.pad(size, to: 11)
                + TextWidth.pad(age, to: 12) + report.location.redacted + reason + "\n"
        }
        let counts = Dictionary(grouping: reports, by: \.outcome).mapValues(\.count)
        out +=
            "\(reports.count) feeds: \(counts[.fresh] ?? 0) fresh, \(counts[.notModified] ?? 0) not modified, "
            + "\(counts[.stale] ?? 0) stale from cache, \(counts[.failed] ?? 0) failed\n"
        return out
    }

    /// A JSON array: `url`, `outcome`, `status`, `bytes`, `age_seconds`, `error`, one object per feed.
    public static func json(_ reports: [FeedReport]) -> String {
        let objects = reports.map { report in
            let fields: [(String, String)] = [
                ("url", JSONText.quote(report.location.redacted)), ("outcome", JSONText.quote(report.outcome.rawValue)),
                ("status", report.status.map(String.init) ?? "null"),
                ("bytes", report.body.map { String($0.count) } ?? "null"),
                ("age_seconds", report.ageSeconds.map(String.init) ?? "null"),
                ("error", report.error.map { JSONText.quote($0.message) } ?? "null"),
            ]
            return "  {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }
}
