import Timeline

/// Someone who signs in to the bureau's shared board, with what they may do there.
public struct Account: Sendable, Hashable, Codable {
    /// What an account may do.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Sees and changes their own team's weeks.
        case officer
        /// An officer who also plans and publishes the team's week.
        case lead
        /// Sees every team, the pipeline and the statistics, and changes nothing.
        case coordinator
        /// Manages accounts; sees every team.
        case admin
    }

    /// The login name (`[a-z0-9_.-]+`), stable.
    public var id: String
    /// The name shown.
    public var name: String
    /// What it may do.
    public var role: Role
    /// The team an officer or lead belongs to; nil for coordinators and admins.
    public var teamID: String?
    /// The member of staff the account is, whose week and calendar are theirs; nil when none.
    public var staffID: String?
    /// The password's slow hash (bcrypt, as `$2b$…`), never the password.
    public var passwordHash: String
    /// When it was made.
    public var createdAt: Instant
    /// Whether it may no longer sign in.
    public var disabled: Bool

    /// An account from its fields.
    public init(
        id: String, name: String, role: Role, teamID: String? = nil, staffID: String? = nil, passwordHash: String,
        createdAt: Instant, disabled: Bool = false
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.teamID = teamID
        self.staffID = staffID
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.disabled = disabled
    }
}

/// A signed-in session: the browser holds the token, the store only its hash.
public struct SessionRecord: Sendable, Hashable {
    /// The SHA-256 of the session token, in hex.
    public var tokenHash: String
    /// Whose session it is.
    public var accountID: String
    /// The token every form of the session must carry back (CSRF).
    public var csrfToken: String
    /// When it began.
    public var createdAt: Instant
    /// When it stops being valid.
    public var expiresAt: Instant

    /// A session from its fields.
    public init(tokenHash: String, accountID: String, csrfToken: String, createdAt: Instant, expiresAt: Instant) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// One change made on the shared board, for the record: who, when, what.
public struct ChangeRecord: Sendable, Hashable {
    /// When.
    public var at: Instant
    /// Who (an account id, or `watcher` for the feed watcher).
    public var accountID: String
    /// What was done, as a stable code (`publish`, `replan`, `lock-visit`, `revoke-calendar`, …).
    public var action: String
    /// What it was done to (a team and week, a visit id, a person).
    public var subject: String
    /// More, as written for people.
    public var detail: String

    /// A change from its fields.
    public init(at: Instant, accountID: String, action: String, subject: String, detail: String = "") {
        self.at = at
        self.accountID = accountID
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
