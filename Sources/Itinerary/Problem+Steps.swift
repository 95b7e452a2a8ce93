import Travel

extension Plan {
    /// The legs marked booked: tickets already bought, which a new plan of the same week must keep.
    public var bookedLegs: [Leg] { legs.filter { $0.booked == true } }
}

extension Problem {
    /// This problem with a kept plan's booked legs as its bought tickets (none without a kept plan).
    public func keepingBookings(of kept: Plan?) -> Problem {
        var problem = self
        problem.bookedLegs = kept?.bookedLegs ?? []
        return problem
    }

    /// A router over `timetable` for this problem's travel rules and planning days.
    public func router(over timetable: Timetable) -> Router {
        Router(timetable: timetable, rules: travelRules, dates: days)
    }
}
