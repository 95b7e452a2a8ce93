import Itinerary

/// The ways each client can be met, as visits the search places: a client met in person or online is one visit; a
/// client that may be met either way is two, its in-person visit (its own index) and its online visit (an index past
/// the problem's clients), of which the week places at most one. An online visit takes no travel: it is held
/// wherever the people are, in their free time and the client's.
struct OnlineVisits: Sendable {
    /// Per visit: whether it is held online.
    let online: [Bool]
    /// Per visit: the other way of meeting the same client, -1 when there is none.
    let twin: [Int]
    /// How many clients the problem has (visits from here on are online twins).
    let clients: Int
    /// Whether any visit is held online.
    let any: Bool

    init(online: [Bool], twin: [Int], clients: Int) {
        self.online = online
        self.twin = twin
        self.clients = clients
        any = online.contains(true)
    }

    /// The problem with an online visit after the clients for each client that may be met either way, and which
    /// visit is which.
    static func expanding(_ problem: Problem) -> (problem: Problem, visits: OnlineVisits) {
        var expanded = problem
        var online = problem.clients.map { $0.mode == .online }
        var twin = [Int](repeating: -1, count: problem.clients.count)
        for (index, client) in problem.clients.enumerated() where client.mode == .either {
            var call = client
            call.mode = .online
            twin[index] = expanded.clients.count
            twin.append(index)
            online.append(true)
            expanded.clients.append(call)
        }
        return (expanded, OnlineVisits(online: online, twin: twin, clients: problem.clients.count))
    }

    /// The client a visit meets (its own index for the problem's clients).
    func client(of visit: Int) -> Int { visit < clients ? visit : twin[visit] }
}
