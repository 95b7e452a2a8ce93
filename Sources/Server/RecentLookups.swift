import Store
import Synchronization
import Timeline

/// What this board looked up in the store lately (a session, a calendar subscription), kept for a few seconds:
/// under load most requests come from a session or subscription seen a moment ago, and asking the store each time
/// would queue them behind its one connection. Ending one here (signing out, revoking) forgets it at once; a change
/// made elsewhere (an account disabled or given a new password with `tiaoqi account`, a sign-out on another server)
/// takes effect within `seconds`. Bounded: past `capacity` entries it starts again empty.
final class RecentLookups<Value: Sendable>: Sendable {
    /// How long a looked-up value is trusted without asking the store again.
    static var seconds: Int64 { 5 }
    /// The most entries kept.
    static var capacity: Int { 10_000 }

    private struct Entry {
        var value: Value?
        var checkedAt: Instant
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// What the store said about `key` within `seconds` before `now`, if it was asked (`.some(nil)`: nothing).
    func lookup(_ key: String, at now: Instant) -> Value?? {
        entries.withLock { entries in
            guard let entry = entries[key], now.seconds >= entry.checkedAt.seconds,
                now.seconds - entry.checkedAt.seconds < Self.seconds
            else { return .none }
            return .some(entry.value)
        }
    }

    /// What the store says about `key` now: the recent answer, or `ask`'s, kept.
    func value(_ key: String, at now: Instant, ask: () async throws -> Value?) async throws -> Value? {
        if let known = lookup(key, at: now) { return known }
        let value = try await ask()
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(value: value, checkedAt: now)
        }
        return value
    }

    /// Forgets `key` (it ended here).
    func forget(_ key: String) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }

    /// Forgets everything (subscriptions revoked or replaced here).
    func forgetAll() {
        entries.withLock { $0.removeAll() }
    }
}

/// A session as the board found it: the session and its account.
struct FoundSession: Sendable {
    var session: SessionRecord
    var account: Account
}
