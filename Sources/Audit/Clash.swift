import Messages
import Timeline

/// Where plans collide, or where a plan no longer holds: what a coordinator must look at before anyone travels.
public struct Clash: Sendable, Codable, Hashable {
    /// How bad it is: an error stops the week (exit 1), a warning asks for a look.
    public enum Severity: String, Sendable, Codable, Hashable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// A stable kind (`same-company-day`, `double-booked`, …; see docs/CLASHES.md), or an audit rule's.
    public var kind: ClashKind
    /// How bad it is.
    public var severity: Severity
    /// Staff ids concerned.
    public var people: [String]
    /// Client ids concerned.
    public var clients: [String]
    /// Teams whose plans are concerned.
    public var teams: [String]
    /// When it happens, if it has a time.
    public var start: Instant?
    /// When it ends, if it has a span.
    public var end: Instant?
    /// What is wrong, in one line.
    public var explanation: Message
    /// What to do about it.
    public var remedy: Remedy
    /// When one problem shows in several places (a person given to two teams on one day): each place, in one line.
    public var parts: [Message]?

    /// A clash from its parts.
    public init(
        kind: ClashKind, severity: Severity, people: [String] = [], clients: [String] = [], teams: [String] = [],
        start: Instant? = nil, end: Instant? = nil, explanation: Message, remedy: Remedy
    ) {
        self.kind = kind
        self.severity = severity
        self.people = people
        self.clients = clients
        self.teams = teams
        self.start = start
        self.end = end
        self.explanation = explanation
        self.remedy = remedy
    }
}

/// One person's week written by hand in a calendar (an `.ics` file) instead of planned by Tiaoqi.
public struct HandPlan: Sendable, Codable, Hashable {
    /// One event of the calendar.
    public struct Event: Sendable, Codable, Hashable {
        /// When it starts.
        public var start: Instant
        /// When it ends.
        public var end: Instant
        /// The event's SUMMARY.
        public var summary: String
        /// The event's LOCATION, if any.
        public var location: String?
        /// The city it takes place in, when the location or summary names one.
        public var city: String?
        /// The client it visits, when the summary, location or an `X-TIAOQI-CLIENT` property names one.
        public var client: String?

        /// An event from its parts.
        public init(
            start: Instant, end: Instant, summary: String, location: String? = nil, city: String? = nil,
            client: String? = nil
        ) {
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.city = city
            self.client = client
        }

        /// The event's span.
        public var interval: Interval { Interval(start, end) }
    }

    /// The staff id whose week it is.
    public var person: String
    /// The team the person plans with.
    public var team: String
    /// The file it was read from.
    public var source: String
    /// Its events, in time order.
    public var events: [Event]

    /// A hand-made plan from its parts.
    public init(person: String, team: String, source: String, events: [Event]) {
        self.person = person
        self.team = team
        self.source = source
        self.events = events
    }
}
