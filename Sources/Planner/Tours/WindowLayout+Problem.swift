import Itinerary
import Timeline
import Travel

extension WindowLayout {
    /// The layout of a problem that has no more than `WindowTours` models, nil when it has more: every journey a
    /// fixed time from the travel matrix, each person's travel hours one unbroken span (around the clock, or a
    /// single day) that no daily cap can cut, no calendar busy time, every place in the person's home city (no
    /// nights), everyone free to lead every visit and free at the same times, one window per visit, every visit in
    /// person, and nothing kept, booked, shared or ordered.
    init?(problem: Problem, context: WeekContext, keeping previous: Plan?) {
        guard previous == nil, problem.bookedLegs.isEmpty, !problem.staff.isEmpty, !problem.travelMatrix.isEmpty,
            !context.hasPrecedence, !problem.wishes.anyActive,
            problem.clients.allSatisfy({ !$0.isPinned && $0.with.isEmpty && $0.mode == .inPerson })
        else { return nil }
        let people = problem.staff.indices
        guard problem.clients.indices.allSatisfy({ context.leads[$0].count == problem.staff.count }) else { return nil }
        // Places: visits, then each person's start and finish.
        var places = problem.clients.map(\.place)
        for person in problem.staff { places += [person.start ?? person.home, person.finish ?? person.home] }
        let ids = places.compactMap(\.id)
        guard ids.count == places.count else { return nil }
        for person in problem.staff {
            let city = person.home.cityID
            guard problem.clients.allSatisfy({ $0.place.cityID == city }), (person.start ?? person.home).cityID == city,
                (person.finish ?? person.home).cityID == city
            else { return nil }
        }
        var seconds = [Int64](repeating: 0, count: places.count * places.count)
        for a in places.indices {
            for b in places.indices where a != b && ids[a] != ids[b] {
                guard let value = problem.travelMatrix.seconds(from: ids[a], to: ids[b]), value < Int64(Int32.max)
                else { return nil }
                seconds[a * places.count + b] = value
            }
        }
        // Each person's span: their travel windows, joined where one day's ends as the next one's opens.
        var tourOpen: [Int64] = []
        var tourClose: [Int64] = []
        for person in people {
            let staff = problem.staff[person]
            guard staff.busy.intersection(IntervalSet([problem.period])).isEmpty else { return nil }
            let span = IntervalSet(context.travelWindows[person].compactMap { $0 })
            guard span.intervals.count == 1, let window = span.intervals.first else { return nil }
            let longestDay =
                context.travelWindows[person].compactMap { $0 }.map { min($0.end, window.end) - $0.start }.max() ?? 0
            guard context.travelCaps[person] >= longestDay + (seconds.max() ?? 0) else { return nil }
            tourOpen.append(max(window.start.seconds, context.days[0].start.seconds))
            tourClose.append(min(window.end.seconds, (staff.finishBy ?? problem.period.end).seconds))
        }
        // One window per visit, the same for everyone.
        var open: [Int64] = []
        var close: [Int64] = []
        for client in problem.clients.indices {
            let windows = context.commonWindows(client, 0)
            guard people.allSatisfy({ context.commonWindows(client, $0) == windows }), windows.intervals.count <= 1
            else { return nil }
            let length = context.meetingSeconds[client]
            if let window = windows.intervals.first, window.seconds >= length {
                open.append(window.start.seconds)
                close.append(window.end.seconds - length)
            } else {
                open.append(1)
                close.append(0)
            }
        }
        let count = places.count
        self.init(
            open: open, close: close, service: context.meetingSeconds, score: problem.clients.map(\.priority),
            mustVisit: problem.clients.map(\.mustVisit), tourOpen: tourOpen, tourClose: tourClose,
            step: problem.meetingStartStep
        ) { seconds[$0 * count + $1] }
    }
}
