import Itinerary

extension OfferBook {
    /// The answer to send after taking a client's reply: `booked` (the slots it booked) confirmed, and the holds
    /// withdrawn since `before` (the book as it was) cancelled. Each message revises its event once, so the
    /// confirmed and cancelled slots' SEQUENCE goes one up in the book, unless booking a new time already raised it.
    public mutating func answer(booked: [Offer], declined: [OfferAnswer.Declined], since before: OfferBook)
        -> OfferAnswer
    {
        let earlier = Dictionary(before.offers.map { ($0.uid, $0) }, uniquingKeysWith: { _, last in last })
        func revise(_ index: Int) -> Offer {
            if offers[index].sequence == earlier[offers[index].uid]?.sequence { offers[index].sequence += 1 }
            return offers[index]
        }
        let uids = Set(booked.map(\.uid))
        var answer = OfferAnswer(confirmed: [], cancelled: [], declined: declined)
        for index in offers.indices {
            let was = earlier[offers[index].uid]?.status
            if uids.contains(offers[index].uid), offers[index].status == .accepted {
                answer.confirmed.append(revise(index))
            } else if offers[index].status == .withdrawn, was == .offered || was == .accepted {
                answer.cancelled.append(revise(index))
            }
        }
        return answer
    }
}
