/// The rules the independent audit checks a plan by. The raw value is the stable id in JSON and docs/CLASHES.md.
public enum AuditRule: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case awayFromOwnEvent = "away-from-own-event"
    case awayOnDayOff = "away-on-day-off"
    case backTooLate = "back-too-late"
    case bookedLegGivenUp = "booked-leg-given-up"
    case busyOnDayOff = "busy-on-day-off"
    case coAttendeeMissing = "co-attendee-missing"
    case doubleBooked = "double-booked"
    case driveTooFar = "drive-too-far"
    case legFromElsewhere = "leg-from-elsewhere"
    case legPartBackwards = "leg-part-backwards"
    case legPartsMismatch = "leg-parts-mismatch"
    case legTooFast = "leg-too-fast"
    case missedConnection = "missed-connection"
    case missingStay = "missing-stay"
    case mustVisitLeftOut = "must-visit-left-out"
    case needlessStay = "needless-stay"
    case noEligibleLead = "no-eligible-lead"
    case notAtFinish = "not-at-finish"
    case notHomeAtEnd = "not-home-at-end"
    case notThere = "not-there"
    case orderBroken = "order-broken"
    case outsideTravelHours = "outside-travel-hours"
    case overCostLimit = "over-cost-limit"
    case overNightLimit = "over-night-limit"
    case overTravelCap = "over-travel-cap"
    case pinnedVisitMoved = "pinned-visit-moved"
    case pinnedVisitPeople = "pinned-visit-people"
    case travelDuringOwnEvent = "travel-during-own-event"
    case unknownClient = "unknown-client"
    case unknownPerson = "unknown-person"
    case unknownService = "unknown-service"
    case visitOutsideClientAvailability = "visit-outside-client-availability"
    case visitOutsideStaffAvailability = "visit-outside-staff-availability"
    case visitRepeated = "visit-repeated"
    case visitTooEarly = "visit-too-early"
    case visitTooLate = "visit-too-late"
    case visitTooShort = "visit-too-short"
    case visitUnattended = "visit-unattended"
    case visitWrongCity = "visit-wrong-city"
    case visitWrongMode = "visit-wrong-mode"
    case wrongHotelCost = "wrong-hotel-cost"
    case wrongPrice = "wrong-price"

    /// The stable id.
    public var description: String { rawValue }

    /// Whether a finding of this rule is the plan's own outcome (listed in the plan: must-visits left out, bought
    /// tickets given up), not a clash.
    public var isOutcome: Bool { self == .mustVisitLeftOut || self == .bookedLegGivenUp }

    /// The clash kind coordinators know a finding of this rule by.
    public var clashKind: ClashKind {
        switch self {
        case .visitOutsideClientAvailability: .outsideAvailability
        case .unknownService: .serviceGone
        case .missedConnection: .connectionBroken
        case .travelDuringOwnEvent, .doubleBooked, .awayFromOwnEvent: .doubleBooked
        case .outsideTravelHours: .overTravelHours
        default: ClashKind(rawValue: rawValue)
        }
    }
}

/// A stable clash kind (docs/CLASHES.md): the overlay's own kinds, or the audit rule a finding broke.
public struct ClashKind: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The stable id, e.g. `same-company-day`.
    public var rawValue: String

    /// The stable id.
    public var description: String { rawValue }

    /// A kind from its stable id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Two teams visit the same company on one day.
    public static let sameCompanyDay = ClashKind(rawValue: "same-company-day")
    /// Two teams visit the same company in one week.
    public static let sameCompanyWeek = ClashKind(rawValue: "same-company-week")
    /// A person is in two places at once, or travels during their own event.
    public static let doubleBooked = ClashKind(rawValue: "double-booked")
    /// A visit is no longer in the client's free time.
    public static let outsideAvailability = ClashKind(rawValue: "outside-availability")
    /// A planned service no longer runs.
    public static let serviceGone = ClashKind(rawValue: "service-gone")
    /// A change between services is now too tight.
    public static let connectionBroken = ClashKind(rawValue: "connection-broken")
    /// A visit lies outside the person's working hours.
    public static let overWorkingHours = ClashKind(rawValue: "over-working-hours")
    /// A person must be in two places by two plans with no journey between them in time.
    public static let unreachable = ClashKind(rawValue: "unreachable")
    /// Travel lies outside the person's travel hours.
    public static let overTravelHours = ClashKind(rawValue: "over-travel-hours")

    public static func < (lhs: ClashKind, rhs: ClashKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
