import Foundation
import Messages
import Schedules
import Store
import Timeline

/// A team's week as the store sets it up: the team, the week's days, and the schedule folder of its candidates
/// (`week next`), from which the week is planned.
public struct TeamWeek: Sendable {
    /// The team.
    public var team: Team
    /// The week's first and last day.
    public var start: LocalDate
    /// The week's last day (the team's plan.yaml gives the week's length).
    public var end: LocalDate
    /// The week's candidates, each with its priority and why.
    public var candidates: [NextWeek.Candidate]
    /// Candidates left out of the folder because their site has no calendar feed: when they can meet is unknown, and
    /// unknown time is never planned as free. Arrange these by hand, or give the site a calendar.
    public var withoutCalendar: [NextWeek.Candidate]
    /// The latest published version of the week, if any.
    public var latest: PublishedWeek?
    /// The schedule folder's files: plan.yaml and clients.csv.
    public var files: [(name: String, data: Data)]

    /// The team's zone.
    public var zone: Zone { Zone(identifier: team.timeZone) ?? .utc }

    /// The week of `team` (its id or name) starting `start`, from `store`; sentences of `why` in `language`.
    /// Throws `StoreError` (an unknown team, a team without a plan.yaml) or `ScheduleError` (a template that cannot be
    /// read).
    public static func make(team name: String, start: LocalDate, store: BureauStore, language: Language) async throws
        -> TeamWeek
    {
        let teams = try await store.teams()
        guard let team = teams.first(where: { $0.id == name || $0.name == name }) else {
            throw StoreError(
                .weekUnknownTeam, location: store.location,
                arguments: ["team": .text(name), "teams": .names(teams.map(\.id))])
        }
        guard !team.planTemplate.isEmpty else {
            throw StoreError(.weekNoTemplate, location: store.location, arguments: ["team": .text(team.id)])
        }
        let template = try PlanFile(
            text: team.planTemplate, file: (team.scheduleFolder as NSString).appendingPathComponent("plan.yaml"))
        let zone = Zone(identifier: team.timeZone) ?? .utc
        let end = start.adding(days: template.end.days(since: template.start))
        let period = Interval(zone.day(start).start, zone.day(end).end)
        let sources = try await store.weekSources(team: team.id, period: period)
        let latest = try await store.latestPublished(team: team.id, weekStart: start)
        let all = NextWeek(sources: sources).candidates(team: team.id, period: period, zone: zone)
        let candidates = all.filter { !$0.client.calendar.isEmpty }
        let files = try WeekFolder.files(
            team: team, start: start, end: end, candidates: candidates, publishedVersion: latest?.version, zone: zone,
            language: language)
        return TeamWeek(
            team: team, start: start, end: end, candidates: candidates,
            withoutCalendar: all.filter { $0.client.calendar.isEmpty }, latest: latest, files: files)
    }
}
