// The English catalogue, sixth file: the shared board's week pages, clash list and calendar subscriptions. `{name}`
// marks a value put in.

extension Catalogue {
    /// The English templates of the board's week pages, clashes and calendars.
    static let englishWeeks: [MessageKey: String] = [
        .boardBack:
            "Back to the board",
        .boardBadWeek:
            "The form did not name a week (YYYY-MM-DD); reload the page and try again.",
        .boardCalendarTitle:
            "My calendar subscription",
        .boardCalendarNav:
            "My calendar subscription",
        .boardCalendarNew:
            "Your new subscription address is below. Add it to your phone's or computer's calendar (\"subscribe to a calendar\"). For safety it is shown only now: copy it. The address you had before no longer works.",
        .boardCalendarMade:
            "You have a subscription address, made {time} (UTC). It is shown only when made: if you lost it, make a new one (the old one stops working).",
        .boardCalendarNone:
            "You have no calendar subscription yet. Make one to see your published trips in your phone's calendar; it updates when your team publishes.",
        .boardCalendarMake:
            "Make a new address",
        .boardCalendarRevoke:
            "Revoke the address",
        .boardChangesHeading:
            "What changes against the published version",
        .boardClashCount:
            "{errors} errors, {warnings} warnings",
        .boardClashesHeading:
            "Clashes between the teams' weeks",
        .boardColumnDepart:
            "Departs",
        .boardColumnFix:
            "Fix",
        .boardColumnKind:
            "Kind",
        .boardColumnPeople:
            "People",
        .boardColumnPerson:
            "Person",
        .boardColumnService:
            "Service",
        .boardColumnSeverity:
            "Severity",
        .boardColumnState:
            "State",
        .boardColumnTeams:
            "Teams",
        .boardColumnTicket:
            "Ticket",
        .boardColumnTrip:
            "From → to",
        .boardColumnWhat:
            "What",
        .boardColumnWhen:
            "When",
        .boardDiscardDraft:
            "Reject the changes (drop the draft)",
        .boardDraftHeading:
            "Draft, not yet published",
        .boardDraftMade:
            "Made by {account} at {time} (UTC), replanning version {version}.",
        .boardDraftMadeNew:
            "Made by {account} at {time} (UTC), a first plan of the week.",
        .boardFailedTitle:
            "Not done",
        .boardFindingsHeading:
            "The audit's verdict",
        .boardMarkBought:
            "Mark bought",
        .boardNoChanges:
            "Nothing changes: the published plan still holds.",
        .boardNoDraft:
            "There is no draft of this week to publish; plan or replan it first.",
        .boardNoFindings:
            "The audit finds nothing wrong.",
        .boardNoSchedule:
            "The schedule folder this week was planned from cannot be found, so it cannot be checked or replanned here; plan the week again.",
        .boardNoStaff:
            "Your account is not tied to a member of staff, so it has no itinerary; ask an administrator to set it (`tiaoqi account add … --staff`).",
        .boardNoSuchVisit:
            "That visit is not in the latest published plan; reload the page and try again.",
        .boardBadPinTime:
            "Give the visit's new time as a date and a time of day (YYYY-MM-DDTHH:MM).",
        .boardPinHeading:
            "Lock or move a visit",
        .boardPinHint:
            "Keep a visit's time to lock it there, or change it to move it, then replan: the visit is held at that time with the same people, the rest of the week is planned around it, and the draft shows the audit's verdict (or why the visit cannot be there) before anything is published.",
        .boardPinSubmit:
            "Hold here and replan",
        .boardNoSuchLeg:
            "That trip is not in the latest published plan; reload the page and try again.",
        .boardNoWeekYet:
            "Your team has no published week yet.",
        .boardNothingPublished:
            "This week has not been published yet.",
        .boardPipelineNav:
            "Pipeline",
        .boardPlanHeading:
            "Plan a week from the store's candidates",
        .boardPlanSubmit:
            "Plan the week",
        .boardPlanWeekLabel:
            "Week from",
        .boardPublishDraft:
            "Accept and publish",
        .boardPublishedHeading:
            "Published: version {version}, {time} (UTC)",
        .boardReplan:
            "Replan with the calendars as they are now",
        .boardStaleCalendars:
            "some calendars could not be fetched again",
        .boardStaleWarning:
            "This week no longer holds as published: replan it.",
        .boardStatisticsNav:
            "Statistics",
        .boardTicketBought:
            "bought",
        .boardTicketsHeading:
            "Tickets",
        .boardWeekHolds:
            "holds",
        .boardWeekLink:
            "{week} (version {version})",
        .boardWeekStale:
            "stale: {reasons}",
        .boardWeekTitle:
            "{team}: the week from {week}",
        .boardWeeksNav:
            "Weeks:",
        .serveDemoNotFound:
            "--demo needs the sample data (examples/bureau and schedules/2022-w10): run it from the Tiaoqi repository.",
        .serveDemoLoaded:
            "Loaded the sample bureau into {db}.",
        .serveDemoAccounts:
            "Demo accounts: {accounts} (officer, two team leads, coordinator, administrator); password: {password}",
        .boardPipelineSummary:
            "As of {day}: {open} open projects, {overdue} with their next step overdue (marked).",
        .boardColumnProject:
            "Project",
        .boardColumnCompany:
            "Company",
        .boardColumnOwner:
            "Owner",
        .boardColumnNextStep:
            "Next step",
        .boardColumnDue:
            "Due",
        .boardColumnLastNote:
            "Last note",
        .boardOverdue:
            "overdue",
        .weekWithoutCalendar:
            "Left out of the folder, having no calendar feed (when they can meet is unknown, and unknown time is never planned as free): {clients}. Arrange these by hand, or give the site a calendar.",
    ]
}
