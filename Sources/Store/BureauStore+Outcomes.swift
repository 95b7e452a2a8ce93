import Itinerary
import Messages
import SQLKit
import Timeline

/// What a visit came to, as someone records it after the meeting.
public struct VisitOutcome: Sendable, Hashable {
    /// What became of the visit.
    public var status: VisitStatus
    /// What came of it, as written.
    public var note: String
    /// The next step agreed, as written.
    public var nextStep: String
    /// When the next step is due, for the visit's project.
    public var due: LocalDate?
    /// The stage the project moves to, when the user says so.
    public var stage: ProjectStage?
    /// How the project's visits are held from now on, when the user says so.
    public var mode: MeetingMode?

    /// An outcome from its fields.
    public init(
        status: VisitStatus, note: String = "", nextStep: String = "", due: LocalDate? = nil,
        stage: ProjectStage? = nil, mode: MeetingMode? = nil
    ) {
        self.status = status
        self.note = note
        self.nextStep = nextStep
        self.due = due
        self.stage = stage
        self.mode = mode
    }
}

/// Recording what happened: a visit's outcome, and with it its project's next action, due date, stage and how its
/// visits are held.
extension BureauStore {
    /// Records the outcome of the visit `id`, and moves its project on (next action, due date, stage, how its visits
    /// are held) where the outcome says so; returns the visit as recorded. Two people recording at once both keep
    /// what they wrote.
    public func record(_ outcome: VisitOutcome, visit id: String) async throws(StoreError) -> VisitRecord {
        let location = location
        try await transaction { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT visits.project_id AS project_id, visits.starts AS starts, teams.time_zone AS time_zone
                    FROM visits JOIN teams ON teams.id = visits.team_id WHERE visits.id = \(bind: id)
                    """
                ).first()
            else { throw StoreError(.logUnknownVisit, location: location, arguments: ["visit": .text(id)]) }
            try await db.raw(
                """
                UPDATE visits SET status = \(bind: outcome.status.rawValue), outcome = \(bind: outcome.note),
                    next_step = \(bind: outcome.nextStep)
                WHERE id = \(bind: id)
                """
            ).run()
            guard outcome.stage != nil || !outcome.nextStep.isEmpty || outcome.due != nil || outcome.mode != nil
            else { return }
            // A visit published before its project was entered serves its company's furthest open project.
            var project = try row.decode(column: "project_id", as: String?.self)
            if project == nil {
                let open = try await db.raw(
                    """
                    SELECT projects.id AS id, projects.stage AS stage FROM projects
                    JOIN clients ON clients.company_id = projects.company_id
                    JOIN visits ON visits.client_id = clients.id
                    WHERE visits.id = \(bind: id)
                    """
                ).all().compactMap { row -> (id: String, stage: ProjectStage)? in
                    guard let stage = ProjectStage(rawValue: try row.decode(column: "stage", as: String.self)),
                        !stage.isClosed
                    else { return nil }
                    return (try row.decode(column: "id", as: String.self), stage)
                }
                project = open.max { ($0.stage.rank, $1.id) < ($1.stage.rank, $0.id) }?.id
                if let project {
                    try await db.raw("UPDATE visits SET project_id = \(bind: project) WHERE id = \(bind: id)").run()
                }
            }
            guard let project else {
                throw StoreError(.logNoProject, location: location, arguments: ["visit": .text(id)])
            }
            if let stage = outcome.stage {
                try await db.raw("UPDATE projects SET stage = \(bind: stage.rawValue) WHERE id = \(bind: project)")
                    .run()
                // The project moved on the day of the visit, in its team's calendar.
                let zone = Zone(identifier: try row.decode(column: "time_zone", as: String.self)) ?? .utc
                let day = zone.date(of: Instant(seconds: try row.decode(column: "starts", as: Int64.self)))
                try await Self.write([StageChange(projectID: project, stage: stage, on: day)], in: db)
            }
            if !outcome.nextStep.isEmpty {
                try await db.raw(
                    "UPDATE projects SET next_action = \(bind: outcome.nextStep) WHERE id = \(bind: project)"
                ).run()
            }
            if let due = outcome.due {
                try await db.raw(
                    "UPDATE projects SET next_due = \(bind: due.description) WHERE id = \(bind: project)"
                ).run()
            }
            if let mode = outcome.mode {
                try await db.raw("UPDATE projects SET mode = \(bind: mode.rawValue) WHERE id = \(bind: project)")
                    .run()
            }
        }
        guard let visit = try await visits(id: id).first else {
            throw StoreError(.logUnknownVisit, location: location, arguments: ["visit": .text(id)])
        }
        return visit
    }
}
