import Foundation
import Timeline

/// The optional columns of `clients.csv` that constrain who visits and when: `eligible`, `language`, `with`,
/// `earliest_day`, `latest_day`, `after` and `pinned`.
struct ClientRules {
    var eligible: [String] = []
    var language: String?
    var with: [String] = []
    var earliestDay: LocalDate?
    var latestDay: LocalDate?
    var after: [String] = []
    var pinnedStart: Instant?

    /// Reads the columns of one row, checking staff ids, sectors, days and times against the plan file.
    init(row: CSVTable.Row, table: CSVTable, planFile: PlanFile) throws(ScheduleError) {
        func fail(_ message: String) -> ScheduleError { ScheduleError(file: table.file, line: row.line, message) }
        let staffIDs = Set(planFile.staff.map(\.id))
        let sectors = Set(planFile.staff.flatMap(\.sectors))
        eligible = Self.list(row["eligible"])
        for entry in eligible where !staffIDs.contains(entry) && !sectors.contains(entry) {
            throw fail("eligible '\(entry)' is neither a staff id (\(staffIDs.sorted().joined(separator: ", "))) nor a sector any staff member covers")
        }
        language = row["language"].flatMap { $0.isEmpty ? nil : $0 }
        with = Self.list(row["with"])
        for id in with where !staffIDs.contains(id) {
            throw fail("with '\(id)' is not a staff id; staff are \(staffIDs.sorted().joined(separator: ", "))")
        }
        let week = planFile.days
        func day(_ column: String) throws(ScheduleError) -> LocalDate? {
            guard let text = row[column], !text.isEmpty else { return nil }
            guard let date = LocalDate.inWeek(text, week) else {
                throw fail("\(column) '\(text)' is neither a date of the week (\(week.first!) to \(week.last!)) nor a weekday such as wed")
            }
            return date
        }
        earliestDay = try day("earliest_day")
        latestDay = try day("latest_day")
        if let earliestDay, let latestDay, latestDay < earliestDay {
            throw fail("latest_day \(latestDay) comes before earliest_day \(earliestDay)")
        }
        after = Self.list(row["after"])
        if let text = row["pinned"], !text.isEmpty {
            let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard parts.count == 2, let date = LocalDate.inWeek(parts[0], week), let time = TimeOfDay(parts[1]) else {
                throw fail("pinned '\(text)' must be a day of the week and a local time, e.g. '2022-03-09 10:00' or 'wed 10:00'")
            }
            guard !with.isEmpty else { throw fail("a pinned visit needs its attendees in 'with' (staff ids separated by ;)") }
            pinnedStart = planFile.zone.instant(date, time)
        }
    }

    /// Entries separated by `;`, trimmed, empty ones dropped.
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Checks that `after` names known clients and that no visit must, through a chain, come before itself.
    static func checkOrder(_ rules: [(id: String, after: [String], line: Int)], file: String) throws(ScheduleError) {
        let known = Set(rules.map(\.id))
        var edges: [String: [String]] = [:]
        for rule in rules {
            for id in rule.after where !known.contains(id) {
                throw ScheduleError(file: file, line: rule.line, "after '\(id)' is not a client id in this file")
            }
            edges[rule.id] = rule.after
        }
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ id: String, _ path: [String]) -> [String]? {
            if state[id] == 2 { return nil }
            if state[id] == 1 { return path + [id] }
            state[id] = 1
            for next in edges[id] ?? [] { if let cycle = visit(next, path + [id]) { return cycle } }
            state[id] = 2
            return nil
        }
        for rule in rules {
            if let cycle = visit(rule.id, []) {
                throw ScheduleError(file: file, line: rule.line, "the 'after' column makes a circle: \(cycle.joined(separator: " after ")); remove one of them")
            }
        }
    }
}
