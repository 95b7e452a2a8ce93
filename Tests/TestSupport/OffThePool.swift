import Dispatch

/// Runs long synchronous work on a Dispatch thread, so it does not hold one of the few threads that the tests'
/// async servers and clients share.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}
