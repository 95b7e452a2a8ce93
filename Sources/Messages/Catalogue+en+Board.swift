// The English catalogue, fifth file: the shared board (`tiaoqi serve`) and its accounts (`tiaoqi account`). `{name}`
// marks a value put in.

extension Catalogue {
    /// The English templates of the shared board.
    static let englishBoard: [MessageKey: String] = [
        .boardName:
            "Tiaoqi shared board",
        .boardLoginTitle:
            "Sign in",
        .boardLoginAccount:
            "Account",
        .boardLoginPassword:
            "Password",
        .boardLoginSubmit:
            "Sign in",
        .boardLoginFailed:
            "Wrong account or password.",
        .boardSignedInAs:
            "Signed in as {name} ({role})",
        .boardSignOut:
            "Sign out",
        .boardRoleOfficer:
            "officer",
        .boardRoleLead:
            "team lead",
        .boardRoleCoordinator:
            "coordinator",
        .boardRoleAdmin:
            "administrator",
        .boardWeeksTitle:
            "Published weeks of every team",
        .boardTeamWeeksTitle:
            "Published weeks of team {team}",
        .boardColumnTeam:
            "Team",
        .boardColumnWeek:
            "Week from",
        .boardColumnVersion:
            "Version",
        .boardColumnPublished:
            "Published (UTC)",
        .boardNoWeeks:
            "No week has been published yet.",
        .boardNoTeam:
            "Your account belongs to no team; ask an administrator to give it one.",
        .boardForbiddenTitle:
            "Not allowed",
        .boardForbidden:
            "Your role may not open this page.",
        .boardBadFormTitle:
            "Form refused",
        .boardBadForm:
            "This form has expired or did not come from this site; reload the page and try again.",
        .serveListening:
            "The shared board is at {url} (store: {db}); Ctrl-C stops it.",
        .accountAdded:
            "Account {id} saved: {name}, {role}.",
        .accountEmptyPassword:
            "No password: give it on standard input, one line, not empty.",
        .accountBadID:
            "An account id is lowercase letters, digits, `_`, `.` and `-`, not {id}.",
        .accountNeedsTeam:
            "An officer or a team lead needs `--team`.",
        .accountUnknownTeam:
            "There is no team {team} in the store.",
        .accountNone:
            "No accounts yet: add one with `tiaoqi account add`.",
        .accountColumnID:
            "Account",
        .accountColumnName:
            "Name",
        .accountColumnRole:
            "Role",
        .accountColumnStaff:
            "Staff",
        .accountDisabled:
            "disabled",
    ]
}
