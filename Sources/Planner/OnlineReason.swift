import Itinerary
import Messages
import Timeline

/// Why a week meets a client online that may be met in person, in the users' words: no journey reaches the client
/// in time, in person does not fit the rest of the lead's week, or it fits but costs more travel than the wish to
/// meet in person is worth.
struct OnlineReason {
    let context: WeekContext
    let state: WeekState

    /// The reason for the placed online visit `visit` (an online twin).
    func why(_ visit: Int) -> Message {
        let client = context.modes.twin[visit]
        let lead = state.attendees[visit].min() ?? 0
        let simulator = RouteSimulator(context: context)
        let explainer = Explainer(context: context, state: state)
        var fixed = state.fixed
        fixed[client] = state.fixed[visit]
        if case .failure(let obstacle) = simulator.simulate(person: lead, order: [client], fixed: fixed) {
            return Message(.onlineUnreachable, ["why": .message(explainer.words(obstacle, person: lead))])
        }
        let order = state.routes[lead].map { $0 == visit ? client : $0 }
        switch simulator.simulate(person: lead, order: order, fixed: fixed) {
        case .failure(let obstacle):
            return Message(
                .onlineNotInWeek,
                [
                    "person": .text(context.problem.staff[lead].name),
                    "why": .message(explainer.words(obstacle, person: lead)),
                ])
        case .success(let schedule):
            let extra = Int(max(0, schedule.travelSeconds - state.schedules[lead].travelSeconds) / 60)
            return Message(
                .onlineSavesTravel,
                [
                    "minutes": .hours(minutes: extra),
                    "weight": .hours(minutes: context.problem.wishes.inPersonMinutes),
                ])
        }
    }
}
