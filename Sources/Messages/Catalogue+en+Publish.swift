// The English catalogue, seventh file: writing itineraries back into CalDAV calendars (`plan --publish-caldav`).
// `{name}` marks a value put in.

extension Catalogue {
    /// The English templates of the CalDAV write-back.
    static let englishPublish: [MessageKey: String] = [
        .publishHeading:
            "Written to the CalDAV calendars:",
        .publishPersonLine:
            "{staff}: {created} created, {updated} updated, {deleted} deleted, {unchanged} unchanged, {kept} kept as changed in the calendar, {refused} refused (412), {failed} failed  {collection}",
        .publishPersonError:
            "stopped: {reason}",
        .publishEventLine:
            "{outcome} {uid}: {reason}",
        .publishEventLineStatus:
            "{outcome} {uid} (HTTP {status}): {reason}",
        .publishNoReason:
            "no answer from the server",
        .publishCreated: "created",
        .publishUpdated: "updated",
        .publishDeleted: "deleted",
        .publishUnchanged: "unchanged",
        .publishKept: "kept",
        .publishRefused: "refused",
        .publishFailed: "failed",
        .publishKeptDeleted:
            "deleted in the calendar since Tiaoqi wrote it; it is not written again while the plan says the same about it (a change in the plan writes it again)",
        .publishKeptChanged:
            "changed in the calendar since Tiaoqi wrote it, and the plan has nothing new for it: left as it was changed",
        .publishRefusedChanged:
            "changed in the calendar since Tiaoqi wrote it, so the plan's new version was not written over it; look at the event, then delete it in the calendar to have the next publish write the plan's version, or keep it as it is",
        .publishRefusedDropped:
            "the plan no longer has this event, but it was changed in the calendar since Tiaoqi wrote it, so it was not deleted; delete it by hand if it is no longer wanted",
        .publishKeepsChanging:
            "the event kept changing on the server while Tiaoqi wrote it; publish again",
        .publishNoETag:
            "the server gave no ETag for the event, so it cannot be changed safely; publish again, or check the server",
        .publishNotHTTP:
            "a CalDAV calendar is written over http or https: give an http(s):// or caldav(s):// URL of the calendar collection",
        .publishLocked:
            "another tiaoqi is publishing to this calendar (lock {file}); wait for it to finish and publish again",
        .publishRecordUnreadable:
            "the publish record {file} cannot be read; move it away to start afresh (events already in the calendar are recognised, not duplicated)",
        .publishRecordUnwritable:
            "the publish record {file} cannot be written ({reason}); nothing more was sent",
        .publishListingRefused:
            "the calendar's events could not be listed (PROPFIND): {reason}; check the URL (the calendar must exist) and the credentials",
        .publishSkippedAudit:
            "the audit rejects the plan, so nothing was written to the calendars",
        .publishRefusedWarning:
            "{count} event(s) changed in the calendars since Tiaoqi wrote them were left as they are (412); see the list above",
        .publishFailedWarning:
            "{count} calendar(s) could not be fully written; see the list above and publish again",
        .publishNotSent:
            "not sent: the publish to this calendar stopped before it (see the reason above); publish again",
    ]
}
