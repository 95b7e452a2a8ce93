import Timeline
import Travel

/// An event in a person's own calendar that holds them at one place: its LOCATION names a known city, or it is held
/// in person without naming one (then it is in their home city). They are there from its start to its end: they
/// travel to be there in time and do not travel during it. An online event keeps a person from meeting clients, not
/// from travelling (`Staff.calls`); one without a LOCATION is at an unknown place: no meeting and no travel then.
public struct OwnEvent: Sendable, Hashable, Codable {
    /// The event's SUMMARY.
    public var summary: String
    /// The event's LOCATION as written.
    public var location: String
    /// When the person is there.
    public var interval: Interval
    /// Where they are: the named city (its centre), or their home.
    public var place: Place

    /// An event from its parts.
    public init(summary: String, location: String, interval: Interval, place: Place) {
        self.summary = summary
        self.location = location
        self.interval = interval
        self.place = place
    }
}
