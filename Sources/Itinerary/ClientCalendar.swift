import Timeline

/// What a client's calendar says about the week, stored once: business hours, the availability it publishes, and its
/// busy time. `freeTime` is the one derivation of when the client can meet; the audit derives it again with its own
/// code from these facts.
public struct ClientCalendar: Sendable, Hashable {
    /// Business hours on the week's working days.
    public var hours: IntervalSet
    /// The availability the calendar publishes (RFC 7953), when it publishes any.
    public var published: PublishedAvailability?
    /// Busy events (opaque and not cancelled) and FREEBUSY periods; an event that could not be expanded exactly counts
    /// over its whole span (unknown busy time is busy).
    public var busy: [BusyEvent]

    /// Calendar facts from their parts.
    public init(hours: IntervalSet, published: PublishedAvailability? = nil, busy: [BusyEvent] = []) {
        self.hours = hours
        self.published = published
        self.busy = busy
    }

    /// When the client can meet: the published slots where the calendar publishes availability, the business hours
    /// elsewhere, minus busy time.
    public var freeTime: IntervalSet {
        var open = hours
        if let published { open = open.subtracting(published.covered).union(published.available) }
        return open.subtracting(IntervalSet(busy.map(\.interval)))
    }
}

/// Published availability: the time a calendar's VAVAILABILITY components cover, and the slots they offer within it.
public struct PublishedAvailability: Sendable, Hashable {
    /// Time the published availability speaks for: outside its slots the client is not available there.
    public var covered: IntervalSet
    /// The offered slots.
    public var available: IntervalSet

    /// Published availability from its parts.
    public init(covered: IntervalSet, available: IntervalSet) {
        self.covered = covered
        self.available = available
    }
}
