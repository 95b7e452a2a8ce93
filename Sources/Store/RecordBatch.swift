/// Records of every kind saved together, in one transaction: all are kept or none (an import, a restore).
public struct RecordBatch: Sendable, Hashable {
    public var teams: [Team] = []
    public var staff: [Person] = []
    public var companies: [Company] = []
    public var clients: [ClientSite] = []
    public var projects: [Project] = []
    /// When projects moved stage.
    public var stageChanges: [StageChange] = []
    public var visits: [VisitRecord] = []
    public var targets: [Target] = []
    /// The region of each city (`shanghai` → `长三角`).
    public var regions: [String: String] = [:]
    /// Published weeks, every version.
    public var published: [PublishedWeek] = []

    /// A batch of the records given.
    public init(
        teams: [Team] = [], staff: [Person] = [], companies: [Company] = [], clients: [ClientSite] = [],
        projects: [Project] = [], stageChanges: [StageChange] = [], visits: [VisitRecord] = [], targets: [Target] = [],
        regions: [String: String] = [:],
        published: [PublishedWeek] = []
    ) {
        self.teams = teams
        self.staff = staff
        self.companies = companies
        self.clients = clients
        self.projects = projects
        self.stageChanges = stageChanges
        self.visits = visits
        self.targets = targets
        self.regions = regions
        self.published = published
    }

    /// How many records it holds.
    public var count: Int {
        teams.count + staff.count + companies.count + clients.count + projects.count + stageChanges.count
            + visits.count + targets.count
            + regions.count + published.count
    }

    /// Adds the records of `other` after its own (a region `other` names again takes its region).
    public mutating func append(_ other: RecordBatch) {
        teams += other.teams
        staff += other.staff
        companies += other.companies
        clients += other.clients
        projects += other.projects
        stageChanges += other.stageChanges
        visits += other.visits
        targets += other.targets
        regions.merge(other.regions) { _, new in new }
        published += other.published
    }
}
