import Itinerary
import Timeline

/// The audit's own reading of a client's calendar facts: which moments are free. It shares no code with
/// `ClientCalendar.freeTime` (what the planner plans with), so a bug in that derivation shows up as a finding here.
///
/// A moment is free when it is in a published slot, or in business hours outside the time the published availability
/// covers; and in no busy event. The rule is checked piece by piece between the facts' boundaries.
struct ClientFreeTime {
    let calendar: ClientCalendar

    /// Whether every moment of `interval` is free.
    func isFree(_ interval: Interval) -> Bool {
        freeStretches(in: interval) == [interval]
    }

    /// The free stretches within `window`, in order, touching stretches joined.
    func freeStretches(in window: Interval) -> [Interval] {
        var cuts: Set<Int64> = [window.start.seconds, window.end.seconds]
        let published = calendar.published
        let lists = [
            calendar.hours.intervals, published?.covered.intervals ?? [], published?.available.intervals ?? [],
            calendar.busy.map(\.interval),
        ]
        for list in lists {
            for piece in list {
                for edge in [piece.start.seconds, piece.end.seconds]
                where edge > window.start.seconds && edge < window.end.seconds {
                    cuts.insert(edge)
                }
            }
        }
        let edges = cuts.sorted()
        var stretches: [Interval] = []
        for (from, to) in zip(edges, edges.dropFirst()) where isFree(at: from) {
            if let last = stretches.last, last.end.seconds == from {
                stretches[stretches.count - 1] = Interval(last.start, Instant(seconds: to))
            } else {
                stretches.append(Interval(Instant(seconds: from), Instant(seconds: to)))
            }
        }
        return stretches
    }

    /// Whether the moment `second` is free (the pieces between boundaries are free or not as a whole).
    private func isFree(at second: Int64) -> Bool {
        func holds(_ list: [Interval]) -> Bool {
            list.contains { $0.start.seconds <= second && second < $0.end.seconds }
        }
        if calendar.busy.contains(where: { $0.interval.start.seconds <= second && second < $0.interval.end.seconds }) {
            return false
        }
        if let published = calendar.published {
            if holds(published.available.intervals) { return true }
            if holds(published.covered.intervals) { return false }
        }
        return holds(calendar.hours.intervals)
    }
}
