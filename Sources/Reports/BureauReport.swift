import Messages
import Timeline

/// The bureau's figures for a period, row by row (team, leader, stage, sector or region), with the whole bureau's
/// total and the heat map of region × sector: what `tiaoqi report` prints.
public struct BureauReport: Sendable, Hashable {
    /// What the rows are.
    public enum Grouping: String, Sendable, Hashable, CaseIterable {
        case team, leader, stage, sector, region

        /// Its name in words.
        public var messageKey: MessageKey {
            switch self {
            case .team: .reportByTeam
            case .leader: .reportByLeader
            case .stage: .reportByStage
            case .sector: .reportBySector
            case .region: .reportByRegion
            }
        }
    }

    /// A project stage the report counts projects at: its id (`negotiating`) and name.
    public struct Stage: Sendable, Hashable {
        /// The stage's id, as in the store.
        public var id: String
        /// Its name in words.
        public var label: MessageKey

        /// A stage from its id and name.
        public init(id: String, label: MessageKey) {
            self.id = id
            self.label = label
        }
    }

    /// The figures of one row (or of the whole bureau).
    public struct Figures: Sendable, Hashable {
        /// Trips: runs of consecutive days visiting clients in person away from home; people travelling together on
        /// the same days to the same cities make one.
        public var trips = 0
        /// Visits held (in person or online).
        public var visitsHeld = 0
        /// Of them, held online.
        public var visitsOnline = 0
        /// Visits cancelled, or where the client did not come.
        public var visitsCalledOff = 0
        /// Visits still planned.
        public var visitsPlanned = 0
        /// Trips a leader was on: leader-led delegations.
        public var delegations = 0
        /// Projects at each of the report's stages, now, in the order of its `stages`.
        public var projects: [Int] = []
        /// The investment open projects expect (lead to signed), yuan.
        public var expectedYuan: Int64 = 0
        /// Projects signed in the period.
        public var signed = 0
        /// The investment of the projects signed in the period, yuan.
        public var signedYuan: Int64 = 0

        /// Figures of nothing yet, with a count for each of `stages` stages.
        public init(stages: Int) { projects = Array(repeating: 0, count: stages) }
    }

    /// One row: what it counts and its figures.
    public struct Row: Sendable, Hashable {
        /// The row's stable id (a team's or person's id, a stage id, a sector, a region); empty for "none".
        public var key: String
        /// What the reader sees.
        public var label: Message
        /// Its figures.
        public var figures: Figures

        /// A row from its parts.
        public init(key: String, label: Message, figures: Figures) {
            self.key = key
            self.label = label
            self.figures = figures
        }
    }

    /// One cell of the heat map: a region and a sector, against the share of attention the targets give it.
    public struct HeatCell: Sendable, Hashable {
        /// The region.
        public var region: String
        /// The sector.
        public var sector: String
        /// Visits held there in the period.
        public var visits: Int
        /// Open projects there now.
        public var projects: Int
        /// The cell's share of the visits held in the period (0…1).
        public var visitShare: Double
        /// The share the targets give it: the region's weight over all regions' times the sector's over all
        /// sectors'; nil when the store has no targets of a kind.
        public var targetShare: Double?

        /// A cell from its parts.
        public init(
            region: String, sector: String, visits: Int, projects: Int, visitShare: Double, targetShare: Double?
        ) {
            self.region = region
            self.sector = sector
            self.visits = visits
            self.projects = projects
            self.visitShare = visitShare
            self.targetShare = targetShare
        }

        /// Visits against target: 1 when the cell gets the share the targets give it, 0 when it gets none; nil
        /// without a target share, or when the targets give it none.
        public var attention: Double? {
            guard let targetShare, targetShare > 0 else { return nil }
            return visitShare / targetShare
        }
    }

    /// The first day counted.
    public var from: LocalDate
    /// The last day counted.
    public var to: LocalDate
    /// What the rows are.
    public var grouping: Grouping
    /// The stages projects are counted at, in order.
    public var stages: [Stage]
    /// The rows, most visits first.
    public var rows: [Row]
    /// The whole bureau.
    public var total: Figures
    /// The heat map's regions (rows), targets first by weight.
    public var regions: [String]
    /// The heat map's sectors (columns), targets first by weight.
    public var sectors: [String]
    /// The heat map's cells, region by region.
    public var heat: [HeatCell]

    /// A report from its parts.
    public init(
        from: LocalDate, to: LocalDate, grouping: Grouping, stages: [Stage], rows: [Row], total: Figures,
        regions: [String], sectors: [String], heat: [HeatCell]
    ) {
        self.from = from
        self.to = to
        self.grouping = grouping
        self.stages = stages
        self.rows = rows
        self.total = total
        self.regions = regions
        self.sectors = sectors
        self.heat = heat
    }
}
