import Feeds
import Messages

/// The exit code of a CalDAV write-back, with its warning: 3 when a server could not be reached or refused, 2 when
/// the publish record could not be used, 1 when an event was left because it changed in the calendar (412).
enum PublishExit {
    static func code(_ reports: [PublishReport], language: Language) -> Int32 {
        let local = reports.contains { $0.error.map { $0.kind == .badLocation || $0.kind == .fileUnreadable } ?? false }
        let failed = reports.filter { report in
            report.results.contains { $0.outcome == .failed }
                || (report.error.map { $0.kind != .badLocation && $0.kind != .fileUnreadable } ?? false)
        }
        let refused = reports.map { $0.count(.refused) }.reduce(0, +)
        if refused > 0 { Failure.warn([Message(.publishRefusedWarning, ["count": .number(refused)])], in: language) }
        if !failed.isEmpty || local {
            Failure.warn(
                [
                    Message(
                        .publishFailedWarning,
                        ["count": .number(reports.filter { $0.error != nil || $0.count(.failed) > 0 }.count)])
                ],
                in: language)
        }
        if !failed.isEmpty { return 3 }
        if local { return 2 }
        return refused > 0 ? 1 : 0
    }
}
