import Itinerary

extension OfferBook {
    /// The answer to send the clients `reply` names once it is taken: each one's booked slot confirmed, every
    /// hold of theirs withdrawn (by this reply or an earlier one, or by a later invitation) cancelled, and the
    /// proposals `declined` whose slot is still offered declined. A cancelled slot's SEQUENCE goes one up the first
    /// time it is cancelled; a confirmed one keeps its SEQUENCE (its time did not change, or booking the time the
    /// client proposed raised it already), so the same answer sent twice is the same revision. The book records what
    /// was sent.
    public mutating func answer(to reply: OfferReply, declined: [OfferAnswer.Declined]) -> OfferAnswer {
        let clients = Set(reply.answers.compactMap { answer in offers.last { $0.uid == answer.uid }?.client })
        var answer = OfferAnswer(confirmed: [], cancelled: [], declined: [])
        for index in offers.indices where clients.contains(offers[index].client) {
            switch offers[index].status {
            case .accepted:
                offers[index].sent = .accepted
                answer.confirmed.append(offers[index])
            case .withdrawn:
                if offers[index].sent != .withdrawn {
                    offers[index].sequence += 1
                    offers[index].sent = .withdrawn
                }
                answer.cancelled.append(offers[index])
            case .offered, .declined:
                continue
            }
        }
        answer.declined = declined.filter { refused in
            offers.last { $0.uid == refused.offer.uid }?.status == .offered
        }
        return answer
    }
}
