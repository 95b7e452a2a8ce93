import Timeline

/// Why a sequence of visits cannot be carried out by one person.
enum Obstacle: Sendable, Hashable {
    /// No journey from one place to another fits the travel hours, busy time and travel cap of any remaining day.
    case noJourney(from: String, to: String, after: Instant)
    /// The person arrives, but no window of the client (and the person) fits the meeting afterwards.
    case noWindow(client: Int, arrival: Instant, services: [String])
    /// The person cannot get home by the end of the week.
    case cannotReturnHome(from: String, after: Instant)
}
