/// The store's schema, as numbered migrations applied in order. Each is portable SQL that SQLite and PostgreSQL both
/// run as written, but for the few statements each dialect spells its own way; a database records the last one
/// applied in `schema_version`. Never edit a migration that has been
/// released: add the next one. `Tests/StoreTests/Fixtures` keeps a database made by each earlier version.
enum Migrations {
    /// One step of the schema.
    struct Step: Sendable {
        /// The schema version the step brings the database to.
        let version: Int
        /// What it changes, for the record.
        let summary: String
        /// Its statements, run in one transaction with the version's record.
        let statements: [String]
        /// Statements run after those, as SQLite spells them.
        var sqlite: [String] = []
        /// The same statements as PostgreSQL spells them.
        var postgres: [String] = []
    }

    /// Every step, oldest first.
    static let steps: [Step] = [
        Step(
            version: 1,
            summary: "teams, staff, companies, client sites, projects, visits and their attendees, published weeks, "
                + "targets, the regions of cities",
            statements: [
                """
                CREATE TABLE teams (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    time_zone TEXT NOT NULL,
                    schedule_folder TEXT NOT NULL DEFAULT '',
                    plan_template TEXT NOT NULL DEFAULT ''
                )
                """,
                """
                CREATE TABLE staff (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    team_id TEXT NOT NULL REFERENCES teams(id),
                    home TEXT NOT NULL,
                    is_leader INTEGER NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE companies (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    credit_code TEXT UNIQUE,
                    group_name TEXT
                )
                """,
                """
                CREATE TABLE clients (
                    id TEXT PRIMARY KEY,
                    company_id TEXT NOT NULL REFERENCES companies(id),
                    name TEXT NOT NULL,
                    city TEXT NOT NULL,
                    address TEXT NOT NULL DEFAULT '',
                    lat DOUBLE PRECISION NOT NULL,
                    lon DOUBLE PRECISION NOT NULL,
                    contact TEXT NOT NULL DEFAULT '',
                    calendar TEXT NOT NULL DEFAULT '',
                    sector TEXT NOT NULL DEFAULT '',
                    chain_position TEXT NOT NULL DEFAULT ''
                )
                """,
                "CREATE INDEX clients_company ON clients(company_id)",
                """
                CREATE TABLE projects (
                    id TEXT PRIMARY KEY,
                    company_id TEXT NOT NULL REFERENCES companies(id),
                    title TEXT NOT NULL,
                    sector TEXT NOT NULL DEFAULT '',
                    stage TEXT NOT NULL,
                    expected_yuan BIGINT,
                    owner TEXT REFERENCES staff(id),
                    next_action TEXT NOT NULL DEFAULT '',
                    next_due TEXT
                )
                """,
                "CREATE INDEX projects_company ON projects(company_id)",
                """
                CREATE TABLE visits (
                    id TEXT PRIMARY KEY,
                    client_id TEXT NOT NULL REFERENCES clients(id),
                    project_id TEXT REFERENCES projects(id),
                    team_id TEXT NOT NULL REFERENCES teams(id),
                    starts BIGINT NOT NULL,
                    ends BIGINT NOT NULL,
                    status TEXT NOT NULL,
                    outcome TEXT NOT NULL DEFAULT '',
                    next_step TEXT NOT NULL DEFAULT ''
                )
                """,
                "CREATE INDEX visits_client ON visits(client_id, starts)",
                "CREATE INDEX visits_starts ON visits(starts)",
                """
                CREATE TABLE visit_attendees (
                    visit_id TEXT NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
                    staff_id TEXT NOT NULL REFERENCES staff(id),
                    PRIMARY KEY (visit_id, staff_id)
                )
                """,
                """
                CREATE TABLE published_weeks (
                    team_id TEXT NOT NULL REFERENCES teams(id),
                    week_start TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    published_at BIGINT NOT NULL,
                    plan_json TEXT NOT NULL,
                    PRIMARY KEY (team_id, week_start, version)
                )
                """,
                """
                CREATE TABLE targets (
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    weight DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (kind, name)
                )
                """,
                """
                CREATE TABLE city_regions (
                    city TEXT PRIMARY KEY,
                    region TEXT NOT NULL
                )
                """,
            ]),
        Step(
            version: 2,
            summary: "the history of each project's stage (when it moved, and to what), for what was signed when; "
                + "indexes for the report's counts and each site's last visit",
            statements: [
                """
                CREATE TABLE stage_changes (
                    project_id TEXT NOT NULL REFERENCES projects(id),
                    stage TEXT NOT NULL,
                    changed_on TEXT NOT NULL,
                    PRIMARY KEY (project_id, changed_on, stage)
                )
                """,
                "CREATE INDEX stage_changes_on ON stage_changes(changed_on)",
                "CREATE INDEX visit_attendees_staff ON visit_attendees(staff_id)",
                // Covering indexes: a period's counts (report) and a site's or project's last visit (week next)
                // read them without the visits' rows.
                "CREATE INDEX visits_period ON visits(starts, status, client_id, team_id, project_id, id)",
                "CREATE INDEX visits_client_held ON visits(client_id, status, starts, project_id)",
                "CREATE INDEX visits_project_held ON visits(project_id, status, starts, client_id)",
            ]),
        Step(
            version: 3,
            summary: "each visit's attendees on its row too (visit_attendees stays the record of who attended), so "
                + "that a period's visits are read without a lookup each",
            statements: [
                "ALTER TABLE visits ADD COLUMN attendees TEXT NOT NULL DEFAULT ''",
                "DROP INDEX visits_period",
                "CREATE INDEX visits_period ON visits(starts, status, client_id, team_id, project_id, attendees)",
            ],
            sqlite: [
                """
                UPDATE visits SET attendees = COALESCE((
                    SELECT group_concat(staff_id, ' ') FROM (
                        SELECT staff_id FROM visit_attendees WHERE visit_id = visits.id ORDER BY staff_id)), '')
                """
            ],
            postgres: [
                """
                UPDATE visits SET attendees = COALESCE((
                    SELECT string_agg(staff_id, ' ' ORDER BY staff_id COLLATE "C") FROM visit_attendees
                    WHERE visit_id = visits.id), '')
                """
            ]),
        Step(
            version: 4,
            summary: "accounts of the shared board (role, team, person, password hash), their sessions (token "
                + "hashes), the record of changes made there (who, when, what), and calendar subscriptions",
            statements: [
                """
                CREATE TABLE accounts (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    team_id TEXT REFERENCES teams(id),
                    staff_id TEXT REFERENCES staff(id),
                    password_hash TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX sessions_account ON sessions(account_id)",
                """
                CREATE TABLE subscriptions (
                    token_hash TEXT PRIMARY KEY,
                    staff_id TEXT NOT NULL REFERENCES staff(id),
                    created_at BIGINT NOT NULL,
                    revoked_at BIGINT
                )
                """,
                "CREATE INDEX subscriptions_staff ON subscriptions(staff_id)",
            ],
            // The record of changes keeps their order in `seq`, which each dialect numbers its own way.
            sqlite: [
                """
                CREATE TABLE changes (
                    seq INTEGER PRIMARY KEY,
                    at BIGINT NOT NULL,
                    account_id TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT ''
                )
                """,
                "CREATE INDEX changes_at ON changes(at)",
            ],
            postgres: [
                """
                CREATE TABLE changes (
                    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    at BIGINT NOT NULL,
                    account_id TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT ''
                )
                """,
                "CREATE INDEX changes_at ON changes(at)",
            ]),
        Step(
            version: 5,
            summary: "the files that go with a published week (its report, each person's calendar, the schedule "
                + "folder it was planned from), and each team's draft of a week, waiting to be published or dropped",
            statements: [
                """
                CREATE TABLE published_files (
                    team_id TEXT NOT NULL,
                    week_start TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (team_id, week_start, version, name)
                )
                """,
                "CREATE INDEX published_files_name ON published_files(name)",
                """
                CREATE TABLE week_drafts (
                    team_id TEXT NOT NULL REFERENCES teams(id),
                    week_start TEXT NOT NULL,
                    made_by TEXT NOT NULL,
                    made_at BIGINT NOT NULL,
                    based_on INTEGER,
                    plan_json TEXT NOT NULL,
                    PRIMARY KEY (team_id, week_start)
                )
                """,
                """
                CREATE TABLE draft_files (
                    team_id TEXT NOT NULL,
                    week_start TEXT NOT NULL,
                    name TEXT NOT NULL,
                    body TEXT NOT NULL,
                    PRIMARY KEY (team_id, week_start, name)
                )
                """,
            ]),
        Step(
            version: 6,
            summary: "how each project's visits are held: in person, online, or either (the planner decides)",
            statements: ["ALTER TABLE projects ADD COLUMN mode TEXT NOT NULL DEFAULT 'in-person'"]),
    ]

    /// The version a database reaches after every step.
    static var latest: Int { steps.last?.version ?? 0 }
}
