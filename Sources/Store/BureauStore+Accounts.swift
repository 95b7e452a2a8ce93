import SQLKit
import Timeline

/// Accounts, their sessions, the record of changes made on the shared board, and calendar subscriptions: what
/// `tiaoqi serve` keeps. Tokens are stored as hashes only, so a copy of the store opens no session or calendar.
extension BureauStore {
    /// Adds an account, or replaces the one with its id (its sessions end when its password or role changes).
    public func save(_ account: Account) async throws(StoreError) {
        try await transaction { db in
            if let before = try await Self.account(account.id, in: db),
                before.passwordHash != account.passwordHash || before.role != account.role
                    || before.teamID != account.teamID || account.disabled
            {
                try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: account.id)").run()
            }
            try await Self.write([account], in: db)
        }
    }

    /// The account with `id`, or nil.
    public func account(_ id: String) async throws(StoreError) -> Account? {
        try await serially { db in try await Self.account(id, in: db) }
    }

    /// Every account, by id.
    public func accounts() async throws(StoreError) -> [Account] {
        try await serially { db in
            try await db.raw("\(unsafeRaw: Self.accountColumns) ORDER BY id").all().map(Self.account)
        }
    }

    /// Starts a session.
    public func start(_ session: SessionRecord) async throws(StoreError) {
        try await transaction { db in try await Self.write([session], in: db) }
    }

    /// The session whose token hashes to `tokenHash` with its account, when it is valid at `now` and the account may
    /// sign in; nil otherwise (an expired session is removed). A read, but for that removal: every page asks it.
    public func session(_ tokenHash: String, at now: Instant) async throws(StoreError) -> (
        session: SessionRecord, account: Account
    )? {
        let found = try await snapshot { db -> (session: SessionRecord, account: Account?)? in
            guard
                let row = try await db.raw(
                    """
                    SELECT token_hash, account_id, csrf_token, created_at, expires_at FROM sessions
                    WHERE token_hash = \(bind: tokenHash)
                    """
                ).first()
            else { return nil }
            let session = SessionRecord(
                tokenHash: try row.decode(column: "token_hash", as: String.self),
                accountID: try row.decode(column: "account_id", as: String.self),
                csrfToken: try row.decode(column: "csrf_token", as: String.self),
                createdAt: Instant(seconds: try row.decode(column: "created_at", as: Int64.self)),
                expiresAt: Instant(seconds: try row.decode(column: "expires_at", as: Int64.self)))
            return (session, try await Self.account(session.accountID, in: db))
        }
        guard let found else { return nil }
        guard found.session.expiresAt > now else {
            try await endSession(tokenHash)
            return nil
        }
        guard let account = found.account, !account.disabled else { return nil }
        return (found.session, account)
    }

    /// Ends the session whose token hashes to `tokenHash` (signing out).
    public func endSession(_ tokenHash: String) async throws(StoreError) {
        try await transaction { db in
            try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    /// Records a change made on the board.
    public func record(_ change: ChangeRecord) async throws(StoreError) {
        try await transaction { db in try await Self.record(change, in: db) }
    }

    /// The changes recorded from `since` on (all when nil), the latest first, at most `limit`.
    public func changes(since: Instant? = nil, limit: Int = 200) async throws(StoreError) -> [ChangeRecord] {
        try await serially { db in
            try await db.raw(
                """
                SELECT at, account_id, action, subject, detail FROM changes
                WHERE at >= \(bind: since?.seconds ?? Int64.min) ORDER BY seq DESC
                LIMIT \(bind: limit)
                """
            ).all().map { row in
                ChangeRecord(
                    at: Instant(seconds: try row.decode(column: "at", as: Int64.self)),
                    accountID: try row.decode(column: "account_id", as: String.self),
                    action: try row.decode(column: "action", as: String.self),
                    subject: try row.decode(column: "subject", as: String.self),
                    detail: try row.decode(column: "detail", as: String.self))
            }
        }
    }

    /// Gives `staffID` a new calendar subscription, whose token hashes to `tokenHash`, and revokes the ones before.
    public func subscribe(_ staffID: String, tokenHash: String, at now: Instant) async throws(StoreError) {
        try await transaction { db in
            try await db.raw(
                """
                UPDATE subscriptions SET revoked_at = \(bind: now.seconds)
                WHERE staff_id = \(bind: staffID) AND revoked_at IS NULL
                """
            ).run()
            try await db.raw(
                """
                INSERT INTO subscriptions (token_hash, staff_id, created_at)
                VALUES (\(bind: tokenHash), \(bind: staffID), \(bind: now.seconds))
                """
            ).run()
        }
    }

    /// Revokes every calendar subscription of `staffID`.
    public func revokeSubscriptions(of staffID: String, at now: Instant) async throws(StoreError) {
        try await transaction { db in
            try await db.raw(
                """
                UPDATE subscriptions SET revoked_at = \(bind: now.seconds)
                WHERE staff_id = \(bind: staffID) AND revoked_at IS NULL
                """
            ).run()
        }
    }

    /// The member of staff whose subscription token hashes to `tokenHash`, when it is not revoked.
    public func subscriber(_ tokenHash: String) async throws(StoreError) -> String? {
        try await serially { db in
            try await db.raw(
                "SELECT staff_id FROM subscriptions WHERE token_hash = \(bind: tokenHash) AND revoked_at IS NULL"
            ).first()?.decode(column: "staff_id", as: String.self)
        }
    }

    static func record(_ change: ChangeRecord, in db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO changes (at, account_id, action, subject, detail)
            VALUES (\(bind: change.at.seconds), \(bind: change.accountID), \(bind: change.action),
                \(bind: change.subject), \(bind: change.detail))
            """
        ).run()
    }

    private static let accountColumns =
        "SELECT id, name, role, team_id, staff_id, password_hash, created_at, disabled FROM accounts"

    static func account(_ id: String, in db: any SQLDatabase) async throws -> Account? {
        try await db.raw("\(unsafeRaw: accountColumns) WHERE id = \(bind: id)").first().map(account)
    }

    private static func account(_ row: any SQLRow) throws -> Account {
        let role = try row.decode(column: "role", as: String.self)
        guard let known = Account.Role(rawValue: role) else { throw RowError(column: "role", value: role) }
        return Account(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            role: known, teamID: try row.decode(column: "team_id", as: String?.self),
            staffID: try row.decode(column: "staff_id", as: String?.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            createdAt: Instant(seconds: try row.decode(column: "created_at", as: Int64.self)),
            disabled: try row.decode(column: "disabled", as: Int.self) != 0)
    }
}

extension Account: StoredRow {
    static let table = "accounts"
    static let columns = ["id", "name", "role", "team_id", "staff_id", "password_hash", "created_at", "disabled"]
    static let key = ["id"]
    var values: [any Encodable & Sendable] {
        [id, name, role.rawValue, teamID, staffID, passwordHash, createdAt.seconds, disabled ? 1 : 0]
    }
    var keyText: String { id }
}

extension SessionRecord: StoredRow {
    static let table = "sessions"
    static let columns = ["token_hash", "account_id", "csrf_token", "created_at", "expires_at"]
    static let key = ["token_hash"]
    var values: [any Encodable & Sendable] {
        [tokenHash, accountID, csrfToken, createdAt.seconds, expiresAt.seconds]
    }
    var keyText: String { tokenHash }
}

extension BureauStore {
    /// When `staffID`'s calendar subscription in use was made, or nil when they have none.
    public func subscriptionMade(for staffID: String) async throws(StoreError) -> Instant? {
        try await serially { db in
            try await db.raw(
                """
                SELECT max(created_at) AS made FROM subscriptions
                WHERE staff_id = \(bind: staffID) AND revoked_at IS NULL
                """
            ).first()?.decode(column: "made", as: Int64?.self).map { Instant(seconds: $0) }
        }
    }
}
