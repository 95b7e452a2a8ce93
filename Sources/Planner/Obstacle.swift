import Timeline

/// Why a sequence of visits cannot be carried out by one person.
enum Obstacle: Error, Hashable {
    /// No journey from one place to another fits the travel hours, busy time and days off of any remaining day;
    /// `overCap` names the first day whose travel cap alone stopped a journey that otherwise fit.
    case noJourney(from: String, to: String, after: Instant, overCap: CapOverrun?)
    /// The person arrives, but no window of the client (and the person) fits the meeting afterwards.
    case noWindow(client: Int, arrival: Instant, services: [String])
    /// No stretch the person and the client are both free fits an online meeting after `after` (the person's last
    /// commitment before it), or not at its fixed start.
    case noOnlineTime(client: Int, after: Instant)
    /// The person arrives after the fixed start of a booked or shared meeting.
    case lateForFixedStart(client: Int, arrival: Instant, start: Instant, services: [String])
    /// The person cannot reach the door a bought ticket leaves from by its departure.
    case missesBookedLeg(services: [String], depart: Instant, arrival: Instant)
    /// The person cannot be where an event of their own calendar holds them by its start.
    case missesOwnEvent(summary: String, at: String, start: Instant, arrival: Instant)
    /// The person cannot get home by the end of the week.
    case cannotReturnHome(from: String, after: Instant, overCap: CapOverrun?)
    /// Staying away would cover a day off (index of the planning day), and the person cannot get home before it.
    case awayOnDayOff(day: Int)
    /// The week needs more hotel nights than the person's limit.
    case tooManyNights(nights: Int, limit: Int)
    /// The week's tickets and hotels cost more than the person's limit.
    case overBudget(cost: Double, limit: Double)
    /// The lunch break (a rule) misses this many minutes on a day.
    case lunchMissed(day: LocalDate, minutes: Int)
    /// A wait away from home is longer than the rule allows.
    case waitTooLong(minutes: Int, limit: Int)
    /// A hotel night costs more than the travel policy's cap for its city (a rule).
    case hotelOverCap(city: String, price: Double, cap: Double)
}

/// A journey that fit in every way but the day's travel cap.
struct CapOverrun: Sendable, Hashable {
    /// Index of the planning day.
    var day: Int
    /// Minutes travelled that day before the journey.
    var before: Int
    /// Minutes of the journey.
    var journey: Int
}
