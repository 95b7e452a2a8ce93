import Foundation
import Itinerary

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the board's searches one at a time, each on a thread of its own at the lowest priority: a search takes a core
/// for a second or more, and must never hold one of the threads that answer requests, nor slow them. Searches asked
/// for meanwhile wait their turn, in order.
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
            let thread = Thread {
                // The lowest priority: the pages' threads come first, the search takes what they leave.
                Self.yieldToPages()
                continuation.resume(returning: search())
            }
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

    /// Gives the calling thread the lowest scheduling priority (nice 19; Linux applies it to the one thread).
    private static func yieldToPages() {
        #if canImport(Glibc)
            // On Linux, PRIO_PROCESS with 0 is the calling thread only (threads are tasks of their own).
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }
}
