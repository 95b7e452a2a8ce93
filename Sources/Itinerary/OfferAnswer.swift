import Timeline

/// What the organizer sends back once a client has answered (RFC 5546): the booked slots confirmed (`REQUEST`),
/// the client's withdrawn holds cancelled (`CANCEL`), and the proposals the week could not take declined
/// (`DECLINECOUNTER`, the offered slot standing).
public struct OfferAnswer: Sendable, Hashable {
    /// A counter-proposal declined: the slot it named, as still offered, and the start the client asked for.
    public struct Declined: Sendable, Hashable {
        /// The slot the proposal named.
        public var offer: Offer
        /// The start the client proposed.
        public var proposed: Instant

        /// A declined proposal from its parts.
        public init(offer: Offer, proposed: Instant) {
            self.offer = offer
            self.proposed = proposed
        }
    }

    /// Booked slots, confirmed at their (perhaps moved) time.
    public var confirmed: [Offer]
    /// Withdrawn holds, cancelled.
    public var cancelled: [Offer]
    /// Counter-proposals declined.
    public var declined: [Declined]

    /// An answer from its parts.
    public init(confirmed: [Offer], cancelled: [Offer], declined: [Declined]) {
        self.confirmed = confirmed
        self.cancelled = cancelled
        self.declined = declined
    }
}
