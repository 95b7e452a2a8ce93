import Audit
import Foundation
import Itinerary
import Messages
import Planner
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// The rules of issue 16 that make a week one an officer would accept: after the last meeting of a trip, home at the
/// first sensible departure; an own event whose LOCATION names a place holds the officer there.
@Suite("Weeks an officer would accept")
struct OfficerWeekTests {
    static let folder = Fixtures.path("Tests/AuditTests/Fixtures/officer-week")
    let monday = LocalDate(year: 2022, month: 3, day: 7)!
    let wednesday = LocalDate(year: 2022, month: 3, day: 9)!
    let thursday = LocalDate(year: 2022, month: 3, day: 10)!
    let friday = LocalDate(year: 2022, month: 3, day: 11)!

    @Test func ownEventsArePlacedByTheirLocation() async throws {
        let schedule = try await ScheduleLoader().load(folder: Self.folder)
        let liu = try #require(schedule.problem.staff.first { $0.id == "liu" })
        let chen = try #require(schedule.problem.staff.first { $0.id == "chen" })
        let zone = schedule.problem.zone
        // The fair names Shanghai; the office meeting names no city: his own office at home.
        #expect(chen.ownEvents.map(\.place.cityID) == ["shanghai"])
        #expect(liu.ownEvents.map(\.summary) == ["局长办公会"])
        #expect(liu.ownEvents.map(\.place.cityID) == ["xuzhou"])
        // The video call is busy but no bar to travel; the Monday meeting without a LOCATION bars both.
        let call = Interval(
            zone.instant(wednesday, TimeOfDay("14:00")!),
            zone.instant(wednesday, TimeOfDay("16:00")!))
        let unknown = Interval(
            zone.instant(monday, TimeOfDay("09:00")!),
            zone.instant(monday, TimeOfDay("10:00")!))
        #expect(liu.busy.contains(call) && liu.calls.contains(call) && !liu.noTravel.overlaps(call))
        #expect(liu.busy.contains(unknown) && liu.noTravel.contains(unknown))
    }

    @Test func theDeputyDirectorGoesHomeAtTheFirstDepartureAfterHisBeijingMeeting() async throws {
        let (schedule, plan, audit) = try await solvedWeek(Self.folder)
        #expect(audit.findings(for: plan).filter { $0.severity == .error }.isEmpty)
        let zone = schedule.problem.zone
        let meeting = try #require(plan.visits.first { $0.client == "bj-chip" })
        #expect(zone.clock(meeting.end) == "13:30")
        let home = try #require(plan.legs.first { $0.person == "liu" && $0.fromCity == "beijing" })
        #expect(home.toCity == "xuzhou")
        // Home before 19:00 on the day of the meeting, by the earliest journey after it (no waiting out the call).
        let evening = zone.instant(wednesday, TimeOfDay("19:00")!)
        #expect(home.arrive < evening)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        let client = try #require(schedule.problem.clients.first { $0.id == "bj-chip" })
        let liu = try #require(schedule.problem.staff.first { $0.id == "liu" })
        let earliest = try #require(router.earliestArrival(from: client.place, to: liu.home, notBefore: meeting.end))
        #expect(home.arrive == earliest.onWholeMinutes().arrive)
    }

    @Test func theFairsLocationPutsTheOfficerInShanghaiAndHerTaxiLeavesFromIt() async throws {
        let (schedule, plan, audit) = try await solvedWeek(Self.folder)
        #expect(audit.findings(for: plan).filter { $0.severity == .error }.isEmpty)
        let zone = schedule.problem.zone
        let fair = try #require(schedule.problem.staff.first { $0.id == "chen" }?.ownEvents.first)
        let legs = plan.legs.filter { $0.person == "chen" }
        // In Shanghai by 08:30 on Thursday, and not travelling during the fair.
        let arrival = try #require(legs.last { $0.arrive <= fair.interval.start })
        #expect(arrival.toCity == "shanghai")
        #expect(!legs.contains { $0.interval.overlaps(fair.interval) })
        // The way to the client starts at the fair, not at a hotel or at home.
        let visit = try #require(plan.visits.first { $0.client == "sh-bio" })
        let toClient = try #require(legs.last { $0.arrive <= visit.start })
        #expect(toClient.from == fair.location && toClient.depart >= fair.interval.end)
        #expect(zone.date(of: visit.start) == thursday)
    }

    @Test func theAuditSaysWhenAnOfficerIsAwayFromTheirOwnEvent() async throws {
        let (_, plan, audit) = try await solvedWeek(Self.folder)
        // The same week with chen's trip to Shanghai taken out: she is in Xuzhou when the fair starts.
        var away = plan
        away.legs.removeAll { $0.person == "chen" }
        away.visits.removeAll { $0.staff.contains("chen") }
        away.stays.removeAll { $0.person == "chen" }
        let findings = audit.findings(for: away).filter { $0.person == "chen" }
        #expect(findings.map(\.rule) == [.awayFromOwnEvent])
        #expect(findings.first?.message.text(.zh).contains("长三角招商推介会致辞") == true)
    }

    @Test func travelDuringAnEventThatHoldsThePersonIsAnAuditError() async throws {
        let (schedule, plan, audit) = try await solvedWeek(Self.folder)
        let zone = schedule.problem.zone
        // Liu's way home moved onto Friday afternoon, across his office meeting.
        var moved = plan
        let index = try #require(moved.legs.firstIndex { $0.person == "liu" && $0.fromCity == "beijing" })
        let afternoon = zone.instant(friday, TimeOfDay("13:00")!)
        let shift = afternoon - moved.legs[index].depart
        moved.legs[index].depart = moved.legs[index].depart + shift
        moved.legs[index].arrive = moved.legs[index].arrive + shift
        let rules = Set(audit.findings(for: moved).filter { $0.person == "liu" }.map(\.rule))
        #expect(rules.contains(.travelDuringOwnEvent))
    }
}
