import Itinerary
import Timeline

/// A company the bureau courts: one legal entity (or a group), with the sites people visit.
public struct Company: Sendable, Hashable, Codable {
    /// Stable id (`[a-z0-9_-]+`), the key other records use.
    public var id: String
    /// Its registered name (`中芯微电子有限公司`).
    public var name: String
    /// The unified social credit code (统一社会信用代码), when known.
    public var creditCode: String?
    /// The group it belongs to, when known.
    public var group: String?

    /// A company from its fields.
    public init(id: String, name: String, creditCode: String? = nil, group: String? = nil) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.group = group
    }
}

/// A client: one site of a company that people visit (a headquarters, a plant, an office abroad).
public struct ClientSite: Sendable, Hashable, Codable {
    /// Stable id, as clients.csv's `id`.
    public var id: String
    /// The company it belongs to.
    public var companyID: String
    /// What people call the site.
    public var name: String
    /// The city id of the network.
    public var city: String
    /// The street address.
    public var address: String
    /// Latitude, degrees.
    public var lat: Double
    /// Longitude, degrees.
    public var lon: Double
    /// Who to ask for there (name, phone), as written.
    public var contact: String
    /// Where its calendar feed is (a path or URL), or empty.
    public var calendar: String
    /// Its sector (`半导体`), matched against the bureau's targets.
    public var sector: String
    /// Its place in the industrial chain (`上游材料`, `整车`), as written.
    public var chainPosition: String

    /// A site from its fields.
    public init(
        id: String, companyID: String, name: String, city: String, address: String = "", lat: Double, lon: Double,
        contact: String = "", calendar: String = "", sector: String = "", chainPosition: String = ""
    ) {
        self.id = id
        self.companyID = companyID
        self.name = name
        self.city = city
        self.address = address
        self.lat = lat
        self.lon = lon
        self.contact = contact
        self.calendar = calendar
        self.sector = sector
        self.chainPosition = chainPosition
    }
}

/// A district or bureau team that plans its own weeks.
public struct Team: Sendable, Hashable, Codable {
    /// Stable id (`gulou`).
    public var id: String
    /// Its name (`鼓楼区招商组`).
    public var name: String
    /// The IANA time zone its weeks are planned in (`Asia/Shanghai`).
    public var timeZone: String
    /// The schedule folder it was imported from (absolute), against which its plan.yaml's paths are read.
    public var scheduleFolder: String
    /// Its plan.yaml as imported: the staff, rules and network each week it plans starts from.
    public var planTemplate: String

    /// A team from its fields.
    public init(
        id: String, name: String, timeZone: String = "Asia/Shanghai", scheduleFolder: String = "",
        planTemplate: String = ""
    ) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.scheduleFolder = scheduleFolder
        self.planTemplate = planTemplate
    }
}

/// A member of staff, in one team.
public struct Person: Sendable, Hashable, Codable {
    /// Stable id, as plan.yaml's staff `id`.
    public var id: String
    /// Their name.
    public var name: String
    /// Their team's id.
    public var teamID: String
    /// Their home city id.
    public var home: String
    /// Whether they lead delegations (a director or deputy director).
    public var isLeader: Bool

    /// A person from their fields.
    public init(id: String, name: String, teamID: String, home: String, isLeader: Bool = false) {
        self.id = id
        self.name = name
        self.teamID = teamID
        self.home = home
        self.isLeader = isLeader
    }
}

/// How far a project has come: from a lead to a project landed in the city, or lost.
public enum ProjectStage: String, Sendable, Hashable, Codable, CaseIterable {
    case lead, contacted, visited, negotiating, signed, landed, lost

    /// Whether the project is over (landed or lost): no more visits are planned for it.
    public var isClosed: Bool { self == .landed || self == .lost }

    /// How far the stage has come, lead first (lost last): of a company's open projects a visit serves the furthest.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// An investment project the bureau follows with a company.
public struct Project: Sendable, Hashable, Codable {
    /// Stable id.
    public var id: String
    /// The company.
    public var companyID: String
    /// What it is (`激光芯片产线`).
    public var title: String
    /// Its sector.
    public var sector: String
    /// Where it stands.
    public var stage: ProjectStage
    /// The investment expected, yuan; nil when not known yet.
    public var expectedYuan: Int64?
    /// The staff member who owns it.
    public var owner: String?
    /// What is to be done next, as written.
    public var nextAction: String
    /// When the next action is due.
    public var nextDue: LocalDate?
    /// How its visits are held: in person, online, or either (the planner decides).
    public var mode: MeetingMode

    /// A project from its fields.
    public init(
        id: String, companyID: String, title: String, sector: String = "", stage: ProjectStage = .lead,
        expectedYuan: Int64? = nil, owner: String? = nil, nextAction: String = "", nextDue: LocalDate? = nil,
        mode: MeetingMode = .inPerson
    ) {
        self.id = id
        self.companyID = companyID
        self.title = title
        self.sector = sector
        self.stage = stage
        self.expectedYuan = expectedYuan
        self.owner = owner
        self.nextAction = nextAction
        self.nextDue = nextDue
        self.mode = mode
    }
}

/// What became of a visit.
public enum VisitStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// In a published plan, not yet held.
    case planned
    /// Held in person.
    case done
    /// Called off.
    case cancelled
    /// Held online instead.
    case online
    /// The client did not come.
    case noShow = "no-show"

    /// Whether the meeting took place (in person or online).
    public var wasHeld: Bool { self == .done || self == .online }
}

/// A visit to a client: planned from a published week, then recorded with its outcome.
public struct VisitRecord: Sendable, Hashable, Codable {
    /// Stable id (`gulou-2022-03-07-v1-3`).
    public var id: String
    /// The client site.
    public var clientID: String
    /// The project it serves, when there is one.
    public var projectID: String?
    /// The team whose plan it came from.
    public var teamID: String
    /// When it starts and ends (UTC).
    public var interval: Interval
    /// Who attends, staff ids.
    public var attendees: [String]
    /// What became of it.
    public var status: VisitStatus
    /// What came of it, as written.
    public var outcome: String
    /// The next step agreed, as written.
    public var nextStep: String

    /// A visit from its fields.
    public init(
        id: String, clientID: String, projectID: String? = nil, teamID: String, interval: Interval,
        attendees: [String], status: VisitStatus = .planned, outcome: String = "", nextStep: String = ""
    ) {
        self.id = id
        self.clientID = clientID
        self.projectID = projectID
        self.teamID = teamID
        self.interval = interval
        self.attendees = attendees
        self.status = status
        self.outcome = outcome
        self.nextStep = nextStep
    }
}

/// What the bureau aims at: a region or a sector of its industrial chains, with a weight.
public struct Target: Sendable, Hashable, Codable {
    /// Whether the target is a region or a sector.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case region, sector
    }

    /// Region or sector.
    public var kind: Kind
    /// The region (`长三角`) or sector (`半导体`).
    public var name: String
    /// How much it counts, relative to the others of its kind (0…100).
    public var weight: Double

    /// A target from its fields.
    public init(kind: Kind, name: String, weight: Double) {
        self.kind = kind
        self.name = name
        self.weight = weight
    }
}

/// A project's move to a stage on a day: the history `report` counts signings from.
public struct StageChange: Sendable, Hashable, Codable {
    /// The project.
    public var projectID: String
    /// The stage it moved to.
    public var stage: ProjectStage
    /// The day it moved (the bureau's calendar day).
    public var on: LocalDate

    /// A change from its fields.
    public init(projectID: String, stage: ProjectStage, on: LocalDate) {
        self.projectID = projectID
        self.stage = stage
        self.on = on
    }
}
