import Itinerary
import Messages
import Timeline

/// One thing wrong with a plan, found by the independent check.
public struct Finding: Sendable, Hashable, Codable {
    /// How bad it is: the same scale as a clash's.
    public typealias Severity = Clash.Severity

    /// The rule broken (its raw value, e.g. `visit-outside-client-availability`, is stable in JSON).
    public var rule: AuditRule
    /// How bad it is.
    public var severity: Severity
    /// The person concerned, if any.
    public var person: String?
    /// The client concerned, if any.
    public var client: String?
    /// When it happens, if it has a time.
    public var time: Instant?
    /// What is wrong, in the users' words.
    public var message: Message

    /// A finding from its parts.
    public init(
        rule: AuditRule, severity: Severity, person: String? = nil, client: String? = nil, time: Instant? = nil,
        message: Message
    ) {
        self.rule = rule
        self.severity = severity
        self.person = person
        self.client = client
        self.time = time
        self.message = message
    }
}
