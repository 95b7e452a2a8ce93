/// What to do about a clash, as data: the reports and the CLI put it into words and command lines.
public struct Remedy: Sendable, Hashable, Codable {
    /// The step to take (its raw value is a stable id in JSON).
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// Two teams agree which one keeps the person (`subject`); the other moves its visit or sends someone else.
        case teamsAgreeOnPerson = "teams-agree-on-person"
        /// Move one of two visits, or send someone else to one of them.
        case moveOneVisit = "move-one-visit"
        /// The teams agree which one leads the company (`subject`); the other drops its visit or joins it.
        case teamsAgreeOnCompany = "teams-agree-on-company"
        /// Replanning moves this visit and keeps the rest.
        case replanMovesVisit = "replan-moves-visit"
        /// Move the visit or the event in the person's (`subject`) own calendar.
        case moveVisitOrOwnEvent = "move-visit-or-own-event"
        /// Move the visit inside the person's working hours (`subject`).
        case moveInsideWorkingHours = "move-inside-working-hours"
        /// The service no longer runs then: replan to rebook.
        case rebookService = "rebook-service"
        /// A change is now too tight: replan to rebook.
        case rebookConnection = "rebook-connection"
        /// Move one of the two.
        case moveOneOfTwo = "move-one-of-two"
        /// Split the trip over more days or give a visit to someone else.
        case spreadTheTrip = "spread-the-trip"
        /// Replan the week.
        case replan
    }

    /// The replan that keeps what still holds: `tiaoqi plan SCHEDULE --keep PLAN`.
    public struct Replan: Sendable, Hashable, Codable {
        /// The schedule folder the plan was made from.
        public var schedule: String
        /// The plan file to keep.
        public var keeping: String

        /// A replan from its parts.
        public init(schedule: String, keeping: String) {
            self.schedule = schedule
            self.keeping = keeping
        }
    }

    /// The step.
    public var action: Action
    /// Whom or what the step names (a person's name, a company, working hours), when it names one.
    public var subject: String?
    /// The replan that helps, when the week is a plan with its schedule.
    public var replan: Replan?

    /// A remedy from its parts.
    public init(_ action: Action, subject: String? = nil, replan: Replan? = nil) {
        self.action = action
        self.subject = subject
        self.replan = replan
    }
}
