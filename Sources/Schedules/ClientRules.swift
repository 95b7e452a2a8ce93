import Foundation
import GTFS
import Itinerary
import Messages
import Timeline

/// The optional columns of `clients.csv` that constrain who visits and when, and how: `eligible`, `language`,
/// `with`, `earliest_day`, `latest_day`, `after`, `pinned`, `mode` and `preferred_time`.
struct ClientRules {
    var eligible: [String] = []
    var language: String?
    var with: [String] = []
    var earliestDay: LocalDate?
    var latestDay: LocalDate?
    var after: [String] = []
    var pinnedStart: Instant?
    var mode: MeetingMode = .inPerson
    var preferredTime: DailyHours?

    /// What every row is checked against, gathered once per file (not once per row: a bureau may have many staff).
    struct Context {
        var planFile: PlanFile
        var staffIDs: Set<String>
        var sectors: Set<String>

        init(planFile: PlanFile) {
            self.planFile = planFile
            staffIDs = Set(planFile.staff.map(\.id))
            sectors = Set(planFile.staff.flatMap(\.sectors))
        }

        /// A few staff ids for a message, not all of a large bureau.
        func someStaff(near id: String) -> Message {
            if let close = Suggestion.closest(to: id, in: Array(staffIDs)) {
                return Message(.didYouMeanQuoted, ["name": .text(close)])
            }
            let sorted = staffIDs.sorted()
            return Message(
                sorted.count > 10 ? .staffAreMore : .staffAre,
                ["ids": .names(Array(sorted.prefix(10))), "count": .number(sorted.count)])
        }
    }

    /// Reads the columns of one row, checking staff ids, sectors, days and times against the plan file.
    init(row: CSVTable.Row, table: CSVTable, context: Context) throws(ScheduleError) {
        func fail(_ key: MessageKey, _ arguments: [String: Message.Argument]) -> ScheduleError {
            ScheduleError(file: table.file, line: row.line, Message(key, arguments))
        }
        let planFile = context.planFile
        eligible = Self.list(row["eligible"])
        for entry in eligible where !context.staffIDs.contains(entry) && !context.sectors.contains(entry) {
            throw fail(.eligibleUnknown, ["entry": .text(entry), "hint": .message(context.someStaff(near: entry))])
        }
        language = row["language"].flatMap { $0.isEmpty ? nil : $0 }
        with = Self.list(row["with"])
        for id in with where !context.staffIDs.contains(id) {
            throw fail(.withUnknown, ["id": .text(id), "hint": .message(context.someStaff(near: id))])
        }
        let week = planFile.days
        func day(_ column: String) throws(ScheduleError) -> LocalDate? {
            guard let text = row[column], !text.isEmpty else { return nil }
            guard let date = LocalDate.inWeek(text, week) else {
                throw fail(
                    .badDayOfWeek,
                    [
                        "column": .text(column), "text": .text(text), "first": .text(week.first!.description),
                        "last": .text(week.last!.description),
                    ])
            }
            return date
        }
        earliestDay = try day("earliest_day")
        latestDay = try day("latest_day")
        if let earliestDay, let latestDay, latestDay < earliestDay {
            throw fail(
                .latestBeforeEarliest,
                ["latest": .text(latestDay.description), "earliest": .text(earliestDay.description)])
        }
        if let text = row["mode"], !text.isEmpty {
            guard let mode = MeetingMode(word: text) else {
                throw fail(.badMeetingMode, ["text": .text(text)])
            }
            self.mode = mode
        }
        if let text = row["preferred_time"], !text.isEmpty {
            guard let hours = DailyHours(text) else { throw fail(.badPreferredTime, ["text": .text(text)]) }
            preferredTime = hours
        }
        after = Self.list(row["after"])
        if let text = row["pinned"], !text.isEmpty {
            let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard parts.count == 2, let date = LocalDate.inWeek(parts[0], week), let time = TimeOfDay(parts[1]) else {
                throw fail(.badPinned, ["text": .text(text)])
            }
            guard !with.isEmpty else {
                throw fail(.pinnedNeedsWith, [:])
            }
            pinnedStart = planFile.zone.instant(date, time)
        }
    }

    /// `a after b after c` in the reader's language.
    private static func chain(_ ids: [String]) -> Message.Argument {
        var chain = Message.Argument.text(ids.last ?? "")
        for id in ids.dropLast().reversed() { chain = .message(Message(.afterLink, ["id": .text(id), "rest": chain])) }
        return chain
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
                throw ScheduleError(file: file, line: rule.line, Message(.afterUnknown, ["id": .text(id)]))
            }
            edges[rule.id] = rule.after
        }
        // Depth-first search with an explicit stack (a chain of many thousand `after`s must not overflow the call
        // stack), in linear time.
        var state: [String: Int] = [:]  // 1 on the current path, 2 done
        for rule in rules where state[rule.id] == nil {
            var path: [String] = [rule.id]
            var stack: [(id: String, next: Int)] = [(rule.id, 0)]
            state[rule.id] = 1
            while let top = stack.last {
                let successors = edges[top.id] ?? []
                guard top.next < successors.count else {
                    state[top.id] = 2
                    stack.removeLast()
                    path.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let next = successors[top.next]
                switch state[next] {
                case 2: continue
                case 1:
                    let cycle = path[path.lastIndex(of: next)!...] + [next]
                    throw ScheduleError(
                        file: file, line: rule.line,
                        Message(.afterCircle, ["cycle": Self.chain(Array(cycle))]))
                default:
                    state[next] = 1
                    stack.append((next, 0))
                    path.append(next)
                }
            }
        }
    }
}
