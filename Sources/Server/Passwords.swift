import HummingbirdBcrypt
import NIOPosix

/// Passwords kept as bcrypt hashes (`$2b$…`), from Hummingbird's bcrypt (the OpenBSD implementation it wraps).
public struct Passwords: Sendable {
    /// The cost: log₂ of the rounds. 12 (about a quarter of a second a hash) for real accounts; tests may use 4.
    public let cost: UInt8
    /// A hash of nothing anyone knows, checked when an account does not exist, so a wrong name takes as long as a
    /// wrong password and the time does not tell which accounts exist.
    private let decoy: String

    /// Hashes at `cost` (4 to 31).
    public init(cost: UInt8 = 12) {
        self.cost = cost
        self.decoy = Bcrypt.hash(SessionTokens.newToken(), cost: cost)
    }

    /// The slow hash of `password`, salted afresh each time.
    public func hash(_ password: String) -> String {
        Self.hash(password, cost: cost)
    }

    /// The slow hash of `password` at `cost`, salted afresh each time.
    public static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` is the one `hash` was made from; with no hash (no such account), checks the decoy and
    /// says no.
    public func verify(_ password: String, hash: String?) -> Bool {
        guard let hash else {
            _ = Bcrypt.verify(password, hash: decoy)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// `verify` on NIO's blocking thread pool: a bcrypt check takes a quarter of a second at cost 12, too long to
    /// hold one of Swift concurrency's few threads (one a core) that every other request needs.
    public func verifyOffThePool(_ password: String, hash: String?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { verify(password, hash: hash) }
    }
}
