import Audit
import GTFS
import Itinerary
import Messages
import Reports
import Schedules
import TestSupport
import Testing
import Travel

/// The clashes of the plans in `examples/clashes/<example>/plans`, loaded the way `tiaoqi clashes` loads them.
func clashes(in example: String, companies: [String: String] = [:]) async throws -> [Clash] {
    let folder = Fixtures.path("examples/clashes/\(example)/plans")
    let set = try await PlanSet.load([folder], loader: ScheduleLoader())
    return ClashFinder(weeks: set.clashWeeks, handPlans: set.handPlans, companies: companies).clashes()
}

/// Kind, severity, people and clients of each clash, in order.
private func summary(_ clashes: [Clash]) -> [String] {
    clashes.map {
        "\($0.kind) \($0.severity.rawValue) \($0.people.joined(separator: "+")) \($0.clients.joined(separator: "+"))"
    }
}

@Suite("Clashes between plans, one example per kind")
struct ClashTests {
    @Test func twoTeamsWithDifferentPeopleAndCompaniesDoNotClash() async throws {
        #expect(try await clashes(in: "clean").isEmpty)
    }

    @Test func oneCompanyCourtedByTwoTeamsOnOneDayIsAnErrorInOneWeekAWarning() async throws {
        let found = try await clashes(in: "same-company")
        #expect(
            summary(found) == [
                "same-company-day error zheng+wu nj-chip-rd+nj-chip", "same-company-week warning wu+zheng su-material",
            ])
        #expect(found[0].teams == ["云龙区", "鼓楼区"])
        #expect(
            found[0].explanation.text(.en)
                == "宁芯半导体（南京）研发中心 / 南京宁芯半导体有限公司 is courted by 2 teams on the same day: 云龙区 (郑晓燕, Tue 09:00); 鼓楼区 (吴志强, Tue 09:00)"
        )
        #expect(
            found[1].explanation.text(.en)
                == "苏州晶华新材料有限公司 is courted by 2 teams in the same week: 鼓楼区 (吴志强, Wed 09:00); 云龙区 (郑晓燕, Thu 09:00)")
        // Without the shared credit code the two Nanjing names are two companies; a mapping can join others.
        let mapped = try await clashes(
            in: "same-company", companies: ["nj-chip-rd": "rd", "nj-chip": "hq", "苏州晶华新材料有限公司": "hq"])
        #expect(summary(mapped) == ["same-company-week warning wu+zheng nj-chip+su-material"])
    }

    @Test func aPersonBookedTwiceByATeamAndByHandOrByTheirOwnCalendar() async throws {
        let found = try await clashes(in: "double-booked")
        #expect(
            summary(found) == [
                "double-booked error liu ", "double-booked error liu nj-battery", "double-booked error liu nj-battery",
            ])
        try #require(found.count == 3)
        #expect(
            found[1].explanation.text(.en)
                == "刘海峰: the visit to 南京金陵储能科技有限公司 Tue 14:00–15:30 overlaps their own calendar")
        // The team's plan and his hand-made week overlap twice on Tuesday: one problem, one clash with two parts.
        #expect(
            found[2].explanation.text(.en)
                == "刘海峰 is given to 鼓楼区 and 局领导办公室 on Tue 2022-03-08: their plans overlap 2 times")
        #expect(
            found[2].parts?.first?.text(.en)
                == "visit to 南京金陵储能科技有限公司 Tue 14:00–15:30 (鼓楼区) and \"陪同市领导调研\" Tue 15:00–17:00 (局领导办公室)")
        #expect(found[2].parts?.count == 2 && Set(found[2].teams) == ["局领导办公室", "鼓楼区"])
    }

    @Test func theLeaderNeededInBeijingAndShanghaiOnOneMorning() async throws {
        let found = try await clashes(in: "unreachable")
        let unreachable = try #require(found.first { $0.kind == .unreachable })
        #expect(unreachable.people == ["liu"] && unreachable.clients == ["bj-chip", "sh-bio"])
        #expect(
            unreachable.explanation.text(.en)
                == "刘海峰 must be at visit to 北京芯域半导体科技有限公司 in 北京 until Tue 11:00 (鼓楼区) and at visit to 上海张江生物医药有限公司 in 上海 by Tue 13:00 (铜山区): the earliest arrival is Tue 17:15 by G11"
        )
        // Each team also sends him on a train while the other has him elsewhere.
        #expect(summary(found) == ["double-booked error liu bj-chip+sh-bio", "unreachable error liu bj-chip+sh-bio"])
        #expect(found.first?.parts?.count == 3)
    }

    @Test func aVisitTheClientsNewEventNowCoversSaysWhatChanged() async throws {
        let found = try await clashes(in: "outside-availability")
        #expect(summary(found) == ["outside-availability error wu hz-robot"])
        #expect(
            found[0].explanation.text(.en)
                == "visit to 杭州云栖机器人有限公司 Wed 09:00–10:30 (鼓楼区) now overlaps the client's \"董事会\" Wed 09:00–10:30")
        #expect(found[0].remedy.action == .replanMovesVisit)
        let replan = try #require(found[0].remedy.replan)
        #expect(replan.keeping.hasSuffix("plan.json"))
        #expect(
            RemedyText.sentence(found[0].remedy, language: .en).contains(
                "tiaoqi plan \(replan.schedule) --keep \(replan.keeping)"))
    }

    @Test func aTrainThatMovedIsGoneAndBreaksItsChange() async throws {
        let found = try await clashes(in: "service-gone")
        #expect(summary(found) == ["connection-broken error wu ", "service-gone error wu "])
        #expect(
            found[1].explanation.text(.en)
                == "吴志强: leg 徐州→上海 Tue 2022-03-08 07:50–12:15: G227 XZE 08:49 → NJS 10:05 is not in the timetable"
        )
    }

    @Test func aLongerCheckInBreaksTightConnections() async throws {
        let found = try await clashes(in: "connection-broken")
        #expect(summary(found) == ["connection-broken error wu ", "connection-broken error wu "])
        #expect(
            found[0].explanation.text(.en).hasSuffix("G101 at 08:55 leaves less than 90 minutes after arriving at XZE"))
    }

    @Test func tighterRulesPutAWeekOverHoursCapAndNights() async throws {
        let found = try await clashes(in: "over-limit")
        #expect(Set(found.map(\.kind.rawValue)) == ["over-night-limit", "over-travel-cap", "over-working-hours"])
        #expect(found.filter { $0.kind.rawValue == "over-travel-cap" }.count == 3)
        #expect(
            found.contains {
                $0.explanation.text(.en)
                    == "吴志强: the visit to 北京芯域半导体科技有限公司 Tue 09:00–10:30 is outside their working hours 09:30-18:30"
            })
        #expect(found.contains { $0.explanation.text(.en) == "吴志强: 2 hotel nights, over the limit of 1" })
    }
}

@Suite("The sample week's three district plans")
struct SampleDistrictTests {
    @Test func clashOverTheDeputyDirectorAndTwoCompaniesButHoldEachAlone() async throws {
        let set = try await PlanSet.load([Fixtures.path("schedules/2022-w10/plans")], loader: ScheduleLoader())
        #expect(set.plans.map(\.team) == ["鼓楼区招商组", "铜山区招商组", "云龙区招商组"])
        for entry in set.plans {
            let findings = PlanAudit(problem: entry.problem, timetable: entry.timetable).findings(for: entry.plan)
            #expect(findings.filter { $0.severity == .error }.isEmpty, "\(entry.team): \(findings.map(\.message))")
        }
        let found = ClashFinder(weeks: set.clashWeeks).clashes()
        #expect(
            found.map(\.kind.rawValue) == [
                "same-company-day", "double-booked", "same-company-week",
            ])
        #expect(
            found.filter { $0.kind.rawValue == "double-booked" }.allSatisfy {
                $0.people == ["liu"] && Set($0.teams) == ["鼓楼区招商组", "云龙区招商组"]
            })
        #expect(found[0].clients == ["nj01"] && found[2].clients == ["sh01"])
        // liu given to both teams on Wednesday is one problem: one clash, each overlap a part of it.
        #expect(found[1].parts?.count == 4 && found[1].explanation.text(.en).contains("鼓楼区招商组 and 云龙区招商组"))
    }
}
