import Itinerary
import Messages
import Travel

/// A drive by hired car, checked with the audit's own distances: between cities no longer than the plan's longest
/// drive, and priced at the hire rate for its road kilometres. A drive the team's travel matrix times is the team's
/// own and carries no price.
struct DriveCheck {
    let problem: Problem
    let timetable: Timetable
    /// The schedule's places by id (clients, where weeks start and finish, own events), for the ends of a drive.
    private let points: [String: Coordinate]

    init(problem: Problem, timetable: Timetable) {
        self.problem = problem
        self.timetable = timetable
        let places =
            problem.clients.map(\.place)
            + problem.staff.flatMap { [$0.home, $0.start, $0.finish].compactMap { $0 } + $0.ownEvents.map(\.place) }
        points = Dictionary(places.compactMap { place in place.id.map { ($0, place.coordinate) } }) { a, _ in a }
    }

    /// What is wrong with the drive `leg.parts[index]`, as (rule, sentence, arguments).
    func problems(of leg: Leg, part index: Int) -> [(AuditRule, MessageKey, [String: Message.Argument])] {
        let part = leg.parts[index]
        if leg.parts.count == 1, let from = leg.fromPlace, let to = leg.toPlace,
            problem.travelMatrix.seconds(from: from, to: to) != nil
        {
            guard let price = part.price, price != 0 else { return [] }
            return [(.wrongPrice, .legUnticketedPrice, unpricedArguments(part, price))]
        }
        guard let start = end(of: leg, part: index, atStart: true),
            let finish = end(of: leg, part: index, atStart: false)
        else {
            return [(.wrongPrice, .driveEndsUnknown, ["from": .place(part.from), "to": .place(part.to)])]
        }
        let rules = problem.travelRules
        let kilometres = start.point.kilometres(to: finish.point) * rules.detourFactor
        var found: [(AuditRule, MessageKey, [String: Message.Argument])] = []
        if start.city != finish.city, kilometres > rules.maximumRoadKilometres + 0.5 {
            found.append(
                (
                    .driveTooFar, .driveTooFar,
                    [
                        "from": .place(part.from), "to": .place(part.to), "km": .number(Int(kilometres.rounded())),
                        "most": .number(Int(rules.maximumRoadKilometres.rounded())),
                    ]
                ))
        }
        let hire = (kilometres * rules.carHirePerKilometre).rounded()
        if abs((part.price ?? 0) - hire) >= 0.005 {
            found.append(
                (
                    .wrongPrice, .driveWrongHire,
                    [
                        "from": .place(part.from), "to": .place(part.to), "km": .number(Int(kilometres.rounded())),
                        "rate": .text("¥" + yuan(rules.carHirePerKilometre)), "hire": .text("¥" + yuan(hire)),
                        "price": .text("¥" + yuan(part.price ?? 0)),
                    ]
                ))
        }
        return found
    }

    /// The arguments of `legUnticketedPrice` for a part that should carry no price.
    func unpricedArguments(_ part: Journey.Part, _ price: Double) -> [String: Message.Argument] {
        ["mode": .mode(part.mode), "from": .place(part.from), "to": .place(part.to), "price": .text("¥" + yuan(price))]
    }

    /// Where a part starts or ends: the leg's own place (by id, else its city) at the leg's ends, a timetable stop
    /// in between.
    private func end(of leg: Leg, part index: Int, atStart: Bool) -> (point: Coordinate, city: String)? {
        let isLegEnd = atStart ? index == 0 : index == leg.parts.count - 1
        if isLegEnd {
            let city = atStart ? leg.fromCity : leg.toCity
            let id = atStart ? leg.fromPlace : leg.toPlace
            // A place without an id is the city's own point (a home city, an event elsewhere in a city).
            guard let point = id.map({ points[$0] }) ?? timetable.cities[city]?.coordinate else { return nil }
            return (point, city)
        }
        let part = leg.parts[index]
        return timetable.stop(id: atStart ? part.from : part.to).map { ($0.coordinate, $0.cityID) }
    }
}
