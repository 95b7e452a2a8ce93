import Timeline

/// A time a member of staff could meet a client, given the week as planned, and what taking it costs.
public struct OfferedSlot: Sendable, Codable, Hashable {
    /// When the meeting would start.
    public var start: Instant
    /// When it would end.
    public var end: Instant
    /// `online` for a call; absent: in person.
    public var mode: MeetingMode?
    /// Travel minutes the person's week gains.
    public var extraTravelMinutes: Int
    /// Hotel nights it gains.
    public var extraNights: Int
    /// Yuan of tickets and hotels it gains.
    public var extraCost: Double
    /// Ids of the clients whose planned visits it would move (the next plan finds them another time).
    public var moves: [String]

    /// A slot from its parts.
    public init(
        start: Instant, end: Instant, mode: MeetingMode?, extraTravelMinutes: Int, extraNights: Int, extraCost: Double,
        moves: [String]
    ) {
        self.start = start
        self.end = end
        self.mode = mode
        self.extraTravelMinutes = extraTravelMinutes
        self.extraNights = extraNights
        self.extraCost = extraCost
        self.moves = moves
    }

    /// Whether the meeting would be a call.
    public var isOnline: Bool { mode == .online }
}

/// What became of a slot offered to a client.
public enum OfferStatus: String, Sendable, Codable, Hashable {
    /// Sent, not answered.
    case offered
    /// The client took it: a booked visit.
    case accepted
    /// The client refused it.
    case declined
    /// Replaced by a later invitation, or not needed since another slot was accepted.
    case withdrawn
}

/// One slot as offered to a client, in an invitation (`tiaoqi offer --invite`).
public struct Offer: Sendable, Codable, Hashable {
    /// The UID of its VEVENT in the invitation, which the client's reply names.
    public var uid: String
    /// The client's id.
    public var client: String
    /// The client's name, as the invitation gave it (absent in books written before it was kept).
    public var clientName: String?
    /// The officer who would lead it.
    public var staff: String
    /// When the meeting would start.
    public var start: Instant
    /// When it would end.
    public var end: Instant
    /// `online` for a call; absent: in person.
    public var mode: MeetingMode?
    /// The SEQUENCE last sent for it: the invitation's, one higher once moved to a time the client proposed or
    /// cancelled.
    public var sequence: Int
    /// What became of it.
    public var status: OfferStatus
    /// What the client's calendar was last told by an answer (`tiaoqi offer --answer`): `accepted` (confirmed) or
    /// `withdrawn` (cancelled); absent: the invitation only.
    public var sent: OfferStatus?

    /// An offer from its parts.
    public init(
        uid: String, client: String, clientName: String? = nil, staff: String, start: Instant, end: Instant,
        mode: MeetingMode?, sequence: Int = 0, status: OfferStatus = .offered
    ) {
        self.uid = uid
        self.client = client
        self.clientName = clientName
        self.staff = staff
        self.start = start
        self.end = end
        self.mode = mode
        self.sequence = sequence
        self.status = status
    }
}
