import Messages
import Timeline

/// The days a timetable runs: a week it does not cover would plan everything by car, so callers stop with this.
public struct TimetableCoverage: Sendable, Hashable {
    /// The first and last service dates on which at least one trip runs, or nil when no trip ever runs.
    public var serviceDates: ClosedRange<LocalDate>?
    /// The days asked about on which no trip runs, in order.
    public var uncoveredDays: [LocalDate]

    /// The uncovered days as short runs: `2022-08-01 to 2022-08-05, 2022-08-07`.
    public var uncoveredText: String {
        var runs: [(first: LocalDate, last: LocalDate)] = []
        for day in uncoveredDays {
            if let last = runs.last?.last, day == last.adding(days: 1) {
                runs[runs.count - 1].last = day
            } else {
                runs.append((day, day))
            }
        }
        return runs.map { $0.first == $0.last ? "\($0.first)" : "\($0.first) to \($0.last)" }
            .joined(separator: ", ")
    }

    /// What the timetable covers, for a message: `2022-01-10 to 2022-06-30`, or nil when it runs on no day.
    public var coveredText: String? {
        serviceDates.map { "\($0.lowerBound) to \($0.upperBound)" }
    }

    /// The uncovered days as short runs, in the reader's language.
    var uncoveredDates: Message.Argument {
        var runs: [(first: LocalDate, last: LocalDate)] = []
        for day in uncoveredDays {
            if let last = runs.last?.last, day == last.adding(days: 1) {
                runs[runs.count - 1].last = day
            } else {
                runs.append((day, day))
            }
        }
        return .list(runs.map { Self.dates($0.first, $0.last) }, .comma)
    }

    /// `2022-01-10 to 2022-06-30` in the reader's language (one date alone when the two are the same).
    static func dates(_ first: LocalDate, _ last: LocalDate) -> Message.Argument {
        first == last
            ? .text(first.description)
            : .message(Message(.dateRange, ["first": .text(first.description), "last": .text(last.description)]))
    }

    /// `the timetable runs no train, flight or bus on X (its services run from 2022-01-10 to 2022-06-30)`.
    public var summary: Message {
        let covered =
            serviceDates.map { Message(.coverageServicesRun, ["dates": Self.dates($0.lowerBound, $0.upperBound)]) }
            ?? Message(.coverageRunsNoDay)
        return Message(.coverageGap, ["days": uncoveredDates, "covered": .message(covered)])
    }

    /// What to do, for a message: `use a timetable that covers …, or ask for dates inside 2022-01-10 to 2022-06-30`;
    /// `inside` is a sentence with a `{dates}` placeholder.
    public func remedy(timetable: Message, inside: MessageKey) -> Message {
        guard let dates = serviceDates else { return Message(.coverageUseOnly, ["timetable": .message(timetable)]) }
        let within = Message(inside, ["dates": Self.dates(dates.lowerBound, dates.upperBound)])
        return Message(.coverageUse, ["timetable": .message(timetable), "inside": .message(within)])
    }
}

extension Timetable {
    /// Whether at least one trip runs on `date` (as its service date; a trip past midnight counts on the day it
    /// starts).
    public func hasService(on date: LocalDate) -> Bool {
        usedServiceIDs.contains { runs($0, on: date) }
    }

    /// The first and last service dates on which at least one trip runs, by `calendar.txt` ranges and weekdays and
    /// `calendar_dates.txt` additions and removals; nil when no trip runs on any day (or there are no trips).
    public var serviceDates: ClosedRange<LocalDate>? {
        var first: LocalDate?
        var last: LocalDate?
        for id in usedServiceIDs {
            guard let days = serviceDays[id], let range = days.runningDates else { continue }
            first = first.map { min($0, range.lowerBound) } ?? range.lowerBound
            last = last.map { max($0, range.upperBound) } ?? range.upperBound
        }
        guard let first, let last else { return nil }
        return first...last
    }

    /// Which of `days` the timetable covers, or nil when it covers them all or has no trips at all (a network of
    /// roads only, or a travel matrix, needs no timetable).
    public func coverage(of days: [LocalDate]) -> TimetableCoverage? {
        guard !trips.isEmpty else { return nil }
        let services = usedServiceIDs
        let uncovered = days.filter { day in !services.contains { runs($0, on: day) } }
        guard !uncovered.isEmpty else { return nil }
        return TimetableCoverage(serviceDates: serviceDates, uncoveredDays: uncovered)
    }

    /// The service ids some trip uses.
    private var usedServiceIDs: Set<String> { Set(trips.map(\.serviceID)) }
}

extension ServiceDays {
    /// The first and last dates it runs, or nil when it never runs.
    var runningDates: ClosedRange<LocalDate>? {
        var first: LocalDate?
        var last: LocalDate?
        if !weekdays.isEmpty && start <= end {
            // Each step passes a day of another weekday (at most six in a row) or a removed date.
            var day = start
            while day <= end && !contains(day) { day = day.adding(days: 1) }
            if day <= end { first = day }
            day = end
            while day >= start && !contains(day) { day = day.adding(days: -1) }
            if day >= start { last = day }
        }
        for (date, added) in exceptions where added {
            first = first.map { min($0, date) } ?? date
            last = last.map { max($0, date) } ?? date
        }
        guard let first, let last else { return nil }
        return first...last
    }
}
