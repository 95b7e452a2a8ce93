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

    /// An outcome from its fields.
    public init(
        status: VisitStatus, note: String = "", nextStep: String = "", due: LocalDate? = nil,
        stage: ProjectStage? = nil
    ) {
        self.status = status
        self.note = note
        self.nextStep = nextStep
        self.due = due
        self.stage = stage
    }
}

/// Recording what happened: a visit's outcome, and with it its project's next action, due date and stage.
extension BureauStore {
    /// Records the outcome of the visit `id`, and moves its project on (next action, due date, stage) where the
    /// outcome says so; returns the visit as recorded. Two people recording at once both keep what they wrote.
    public func record(_ outcome: VisitOutcome, visit id: String) async throws(StoreError) -> VisitRecord {
        let location = location
        try await transaction { db in
            guard
                let row = try await db.raw("SELECT project_id FROM visits WHERE id = \(bind: id)").first()
            else { throw StoreError(.logUnknownVisit, location: location, arguments: ["visit": .text(id)]) }
            try await db.raw(
                """
                UPDATE visits SET status = \(bind: outcome.status.rawValue), outcome = \(bind: outcome.note),
                    next_step = \(bind: outcome.nextStep)
                WHERE id = \(bind: id)
                """
            ).run()
            let project = try row.decode(column: "project_id", as: String?.self)
            guard outcome.stage != nil || !outcome.nextStep.isEmpty || outcome.due != nil else { return }
            guard let project else {
                throw StoreError(.logNoProject, location: location, arguments: ["visit": .text(id)])
            }
            if let stage = outcome.stage {
                try await db.raw("UPDATE projects SET stage = \(bind: stage.rawValue) WHERE id = \(bind: project)")
                    .run()
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
        }
        guard let visit = try await visits(id: id).first else {
            throw StoreError(.logUnknownVisit, location: location, arguments: ["visit": .text(id)])
        }
        return visit
    }
}
