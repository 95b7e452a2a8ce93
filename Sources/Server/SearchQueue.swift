import Foundation
import Itinerary

/// Runs the board's searches one at a time, each on a thread of its own: a search takes a core for a second or more,
/// and must never hold one of the threads that answer requests. Searches asked for meanwhile wait their turn, in order.
actor SearchQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `search` when its turn comes, on a thread of its own, and returns its plan.
    func run(_ search: @escaping @Sendable () -> Plan) async -> Plan {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
        let plan = await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: search()) }
            thread.stackSize = 16 << 20
            thread.start()
        }
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
        return plan
    }
}
