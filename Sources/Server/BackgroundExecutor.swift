import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A task executor with one thread of its own at the lowest priority, for the board's heavy work (loading a
/// schedule, searching, auditing, drawing a week): code run under `withTaskExecutorPreference(BackgroundExecutor
/// .shared)` never holds one of the few threads that answer requests, and the kernel gives those threads the CPU
/// first. Work waits its turn in order.
final class BackgroundExecutor: TaskExecutor, @unchecked Sendable {
    /// The board's one background executor.
    static let shared = BackgroundExecutor()

    private let jobs = Mutex<[UnownedJob]>([])
    private let ready = NSCondition()

    private init() {
        let thread = Thread { [unowned self] in self.work() }
        thread.name = "tiaoqi-background"
        thread.stackSize = 16 << 20
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        ready.lock()
        jobs.withLock { $0.append(job) }
        ready.signal()
        ready.unlock()
    }

    private func work() {
        #if canImport(Glibc)
            // On Linux, PRIO_PROCESS with 0 is the calling thread only (threads are tasks of their own).
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
        while true {
            ready.lock()
            var next = jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            while next == nil {
                ready.wait()
                next = jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            }
            ready.unlock()
            next?.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
