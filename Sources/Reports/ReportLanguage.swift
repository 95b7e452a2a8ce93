import Audit
import Foundation
import Itinerary
import Messages
import Timeline

/// The language of a report: the catalogue's `Language` (zh or en).
public typealias ReportLanguage = Language

/// The HTML report's labels in one language.
struct ReportLabels {
    let language: ReportLanguage

    /// A sentence of the catalogue with no arguments, in the report's language.
    func text(_ key: MessageKey) -> String { Message(key).text(language) }

    var teams: String { text(.labelTeams) }
    var period: String { text(.labelPeriod) }
    var timeZone: String { text(.labelTimeZone) }
    var clashes: String { text(.labelClashes) }
    var noClashes: String { text(.labelNoClashes) }
    var findings: String { text(.labelFindings) }
    var staleCalendars: String { text(.labelStaleCalendars) }
    /// How long ago a stale copy was last confirmed, `age` already in words.
    func lastConfirmed(_ age: String) -> String { Message(.lastConfirmed, ["age": .text(age)]).text(language) }
    var noFindings: String { text(.labelNoFindings) }
    var kind: String { text(.labelKind) }
    var severity: String { text(.labelSeverity) }
    var people: String { text(.labelPeople) }
    var clients: String { text(.labelClients) }
    var time: String { text(.labelTime) }
    var explanation: String { text(.labelExplanation) }
    var fix: String { text(.labelFix) }
    var timelines: String { text(.labelTimelines) }
    var nothingPlanned: String { text(.labelNothingPlanned) }
    var map: String { text(.labelMap) }
    var handPlanLegend: String { text(.labelHandPlanLegend) }
    var visits: String { text(.labelVisits) }
    var noVisits: String { text(.labelNoVisits) }
    var client: String { text(.labelClient) }
    var address: String { text(.labelAddress) }
    var contact: String { text(.labelContact) }
    var city: String { text(.labelCity) }
    var team: String { text(.labelTeam) }
    var priority: String { text(.labelPriority) }
    var mustVisit: String { text(.labelMustVisit) }
    var hotel: String { text(.labelHotel) }
    var meet: String { text(.labelMeet) }
    var online: String { text(.labelOnline) }
    var handMade: String { text(.labelHandMade) }
    var ownEvent: String { text(.labelOwnEvent) }
    var home: String { text(.labelHome) }
    var booked: String { text(.labelBooked) }
    var generatedBy: String { text(.labelGeneratedBy) }
    var perPerson: String { text(.labelPerPerson) }
    var travelTime: String { text(.labelTravelTime) }
    var nights: String { text(.labelNights) }
    var tickets: String { text(.labelTickets) }
    var hotels: String { text(.labelHotels) }
    var total: String { text(.labelTotal) }
    var leftOut: String { text(.labelLeftOut) }
    var nothingLeftOut: String { text(.labelNothingLeftOut) }
    var reasons: String { text(.labelReasons) }
    var noTime: String { "—" }

    func severityName(_ severity: Clash.Severity) -> String {
        switch severity {
        case .error: text(.severityError)
        case .warning: text(.severityWarning)
        }
    }

    /// "2 errors, 1 warning" or "错误 2 个，警告 1 个".
    func summary(errors: Int, warnings: Int) -> String {
        Message(
            .errorsAndWarnings,
            [
                "errors": .count(errors, one: .oneError, many: .manyErrors),
                "warnings": .count(warnings, one: .oneWarning, many: .manyWarnings),
            ]
        ).text(language)
    }

    /// The label of a clash kind or audit rule: its stable code in English, a name in Chinese.
    func kindLabel(_ code: String) -> String {
        MessageKey(rawValue: "kind." + code).map { Message($0).text(language) } ?? code
    }

    func weekday(_ day: Weekday) -> String { Message.Argument.weekday(day).text(language) }

    /// `Mon 03-07` or `周一 03-07`.
    func day(_ date: LocalDate) -> String { "\(weekday(date.weekday)) \(date.description.dropFirst(5))" }
}
