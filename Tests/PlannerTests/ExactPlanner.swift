import Itinerary
import Timeline

@testable import Planner

/// The best week for one person over a few visits by trying every order of every subset (depth first, pruned only
/// where no extension can help): the yardstick the search is tested against.
struct ExactPlanner {
    let context: WeekContext

    /// The best order of `clients` for `person`, with its objective; visits that need a fixed start are not handled.
    func solve(person: Int, clients: [Int]) -> (order: [Int], objective: Objective) {
        let simulator = RouteSimulator(context: context)
        let problem = context.problem
        let fixed = [Instant?](repeating: nil, count: problem.clients.count)
        let candidates = clients.filter { context.leads[$0].contains(person) }
        var best: (order: [Int], objective: Objective) = ([], objective(of: PersonSchedule(), clients: []))
        if case .success(let empty) = simulator.simulate(person: person, order: [], fixed: fixed) {
            best = ([], objective(of: empty, clients: []))
        }
        func search(_ prefix: [Int], _ remaining: [Int]) {
            let must = prefix.filter { problem.clients[$0].mustVisit }.count
            let priority = prefix.reduce(0) { $0 + problem.clients[$1].priority }
            let moreMust = remaining.filter { problem.clients[$0].mustVisit }.count
            let morePriority = remaining.reduce(0) { $0 + problem.clients[$1].priority }
            if (must + moreMust, priority + morePriority) < (best.objective.mustVisits, best.objective.priority) {
                return
            }
            for (index, client) in remaining.enumerated() {
                let order = prefix + [client]
                var rest = remaining
                rest.remove(at: index)
                switch simulator.simulate(person: person, order: order, fixed: fixed) {
                case .success(let schedule):
                    let found = objective(of: schedule, clients: order)
                    if best.objective < found { best = (order, found) }
                case .failure(.noJourney), .failure(.noWindow), .failure(.lateForFixedStart):
                    // The last visit cannot be reached in time; nothing after it changes that.
                    continue
                case .failure:
                    // Stuck away, or over a limit: a further visit may still route the person home differently.
                    break
                }
                search(order, rest)
            }
        }
        search([], candidates)
        return best
    }

    private func objective(of schedule: PersonSchedule, clients: [Int]) -> Objective {
        var state = WeekState(people: context.problem.staff.count, clients: context.problem.clients.count)
        for client in clients { state.attendees[client] = [0] }
        state.schedules[0] = schedule
        return state.objective(context)
    }
}
