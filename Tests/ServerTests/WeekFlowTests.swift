import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Itinerary
import Schedules
import Server
import Store
import TestSupport
import Testing
import Timeline

/// An officer's and a lead's week on the sample bureau, through the board's pages: see it, replan it, accept or
/// reject the changes, mark a ticket bought, plan from the store's candidates; and what the store records.
@Suite struct WeekFlowTests {
    static let monday = LocalDate(iso: SampleBoard.week)!

    @Test(arguments: Backend.available)
    func anOfficerSeesTheirTeamsWeekDrawnWithItsTrainsAndTickets(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            let zhou = try await demoSession(client, "zhou")
            let page = try await client.execute(uri: "/week", method: .get, headers: zhou.cookie)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("鼓楼区招商组"))
            #expect(html.contains("id=\"published\""))
            #expect(html.contains("id=\"tickets\""))
            #expect(html.contains("<svg"))  // the route map and timelines, as the report draws them
            #expect(html.contains("action=\"/week/replan\""))
            #expect(!html.contains("action=\"/week/plan\""))  // only leads plan from the candidates
        }
    }

    @Test(arguments: Backend.available)
    func aReplanIsADraftUntilAcceptedThenTheNextVersionWithWhoAndWhen(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            let zhou = try await demoSession(client, "zhou")
            let replan = try await post(client, "/week/replan", zhou, ["week": SampleBoard.week])
            #expect(replan.status == .seeOther)
            let draft = try #require(try await board.store.draft(team: "gulou", weekStart: Self.monday))
            #expect(draft.basedOn == 1 && draft.madeBy == "zhou")
            let page = String(buffer: try await client.execute(uri: "/week", method: .get, headers: zhou.cookie).body)
            #expect(page.contains("id=\"draft\"") && page.contains("action=\"/week/publish\""))
            let published = try await post(client, "/week/publish", zhou, ["week": SampleBoard.week])
            #expect(published.status == .seeOther)
            #expect(try await board.store.latestPublished(team: "gulou", weekStart: Self.monday)?.version == 2)
            #expect(try await board.store.draft(team: "gulou", weekStart: Self.monday) == nil)
            let actions = try await board.store.changes().map { "\($0.accountID) \($0.action) \($0.subject)" }
            #expect(actions.contains("zhou replan gulou/2022-03-07"))
            #expect(actions.contains("zhou publish gulou/2022-03-07"))
            // The published version keeps its files: each person's calendar and the schedule it was planned from.
            let files = try await board.store.publishedFiles(team: "gulou", weekStart: Self.monday, version: 2)
            #expect(files.contains { $0.name == "zhou.ics" })
            #expect(files.contains { $0.name == "schedule.path" || $0.name == "schedule/plan.yaml" })
        }
    }

    /// Locking a visit at its time keeps it there with its people; moving it to a time the client cannot meet leaves
    /// it out of the draft with the reason, before anything is published.
    @Test(arguments: Backend.available)
    func aVisitLockedOrMovedIsReplannedThereWithTheVerdictInTheDraft(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            let zhou = try await demoSession(client, "zhou")
            let page = String(buffer: try await client.execute(uri: "/week", method: .get, headers: zhou.cookie).body)
            #expect(page.contains("action=\"/week/pin\"") && page.contains("type=\"datetime-local\""))
            let published = try #require(try await board.store.latestPublished(team: "gulou", weekStart: Self.monday))
            let plan = try PlanJSON.decode(published.planJSON, file: "plan.json")
            let visit = try #require(plan.visits.first)
            let zone = try #require(Zone(identifier: "Asia/Shanghai"))
            let local = "\(zone.date(of: visit.start))T\(zone.clock(visit.start))"
            /// Holds the visit at `start`; the draft it makes.
            func pin(_ start: String) async throws -> Plan {
                let answer = try await post(
                    client, "/week/pin", zhou, ["week": SampleBoard.week, "client": visit.client, "start": start])
                #expect(answer.status == .seeOther)
                let draft = try #require(try await board.store.draft(team: "gulou", weekStart: Self.monday))
                return try PlanJSON.decode(draft.planJSON, file: "plan.json")
            }
            // Locked at its own time.
            let kept = try await pin(local)
            let held = try #require(kept.visits.first { $0.client == visit.client })
            #expect(held.start == visit.start && Set(held.staff) == Set(visit.staff))
            let drawn = String(buffer: try await client.execute(uri: "/week", method: .get, headers: zhou.cookie).body)
            #expect(drawn.contains("id=\"draft\""))
            // Moved to three in the morning: outside the client's hours, so left out, with the reason.
            let replanned = try await pin("\(zone.date(of: visit.start))T03:00")
            #expect(!replanned.visits.contains { $0.client == visit.client })
            let out = try #require(replanned.leftOut.first { $0.client == visit.client })
            #expect(!out.reasons.isEmpty)
            // Nothing is published until the draft is accepted.
            #expect(try await board.store.latestPublished(team: "gulou", weekStart: Self.monday)?.version == 1)
            let actions = try await board.store.changes().map { "\($0.accountID) \($0.action) \($0.subject)" }
            #expect(actions.filter { $0 == "zhou pin gulou/2022-03-07" }.count == 2)
            // A time that is not one, or a client the week does not visit, is refused.
            let garbled = try await post(
                client, "/week/pin", zhou, ["week": SampleBoard.week, "client": visit.client, "start": "tomorrow"])
            #expect(garbled.status == .conflict)
            let stranger = try await post(
                client, "/week/pin", zhou, ["week": SampleBoard.week, "client": "zz99", "start": local])
            #expect(stranger.status == .conflict)
        }
    }

    @Test(arguments: Backend.available)
    func aDraftMadeFromAnOlderVersionIsRefusedAndARejectedOneLeavesNoTrace(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            let zhou = try await demoSession(client, "zhou")
            _ = try await post(client, "/week/replan", zhou, ["week": SampleBoard.week])
            // Meanwhile a ticket is marked bought: version 2. The draft, made from version 1, is stale.
            let page = String(buffer: try await client.execute(uri: "/week", method: .get, headers: zhou.cookie).body)
            let index = try #require(page.firstMatch(of: /name="leg" value="(\d+)"/)).output.1
            let bought = try await post(client, "/week/ticket", zhou, ["week": SampleBoard.week, "leg": String(index)])
            #expect(bought.status == .seeOther)
            #expect(try await board.store.latestPublished(team: "gulou", weekStart: Self.monday)?.version == 2)
            let refused = try await post(client, "/week/publish", zhou, ["week": SampleBoard.week])
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("2"))
            let dropped = try await post(client, "/week/discard", zhou, ["week": SampleBoard.week])
            #expect(dropped.status == .seeOther)
            #expect(try await board.store.draft(team: "gulou", weekStart: Self.monday) == nil)
            #expect(try await board.store.latestPublished(team: "gulou", weekStart: Self.monday)?.version == 2)
        }
    }

    @Test(arguments: Backend.available)
    func aLeadPlansTheWeekFromTheStoresCandidates(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            let chen = try await demoSession(client, "chen")
            let planned = try await post(client, "/week/plan", chen, ["week": "2022-03-14"])
            #expect(planned.status == .seeOther)
            let draft = try #require(
                try await board.store.draft(team: "yunlong", weekStart: LocalDate(iso: "2022-03-14")!))
            #expect(draft.basedOn == nil && draft.planJSON.contains("\"visits\""))
            let files = try await board.store.draftFiles(team: "yunlong", weekStart: LocalDate(iso: "2022-03-14")!)
            #expect(files.contains { $0.name == "schedule/clients.csv" })
            // An officer may not.
            let zhou = try await demoSession(client, "zhou")
            #expect(try await post(client, "/week/plan", zhou, ["week": "2022-03-14"]).status == .forbidden)
        }
    }

    @Test(arguments: Backend.available)
    func aCalendarSubscriptionServesThePublishedItineraryWithAnETagAndCanBeRevoked(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            let zhou = try await demoSession(client, "zhou")
            let made = try await post(client, "/calendar/new", zhou)
            let page = String(buffer: made.body)
            let path = try #require(page.firstMatch(of: /webcal:\/\/[^\/"]*(\/cal\/[A-Za-z0-9_-]+\.ics)/)).output.1
            let feed = try await client.execute(uri: String(path), method: .get)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType]?.hasPrefix("text/calendar") == true)
            let text = String(buffer: feed.body)
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("BEGIN:VEVENT"))
            #expect(text.contains("UID:visit-nj01-zhou-2022-03-07@tiaoqi"))
            let etag = try #require(feed.headers[.eTag])
            let again = try await client.execute(uri: String(path), method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            // A new address replaces the old; revoking ends it.
            let second = try await post(client, "/calendar/new", zhou)
            let newPath = try #require(String(buffer: second.body).firstMatch(of: /(\/cal\/[A-Za-z0-9_-]+\.ics)/))
                .output.1
            #expect(try await client.execute(uri: String(path), method: .get).status == .notFound)
            #expect(try await client.execute(uri: String(newPath), method: .get).status == .ok)
            _ = try await post(client, "/calendar/revoke", zhou)
            #expect(try await client.execute(uri: String(newPath), method: .get).status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func theCoordinatorsBoardListsTheSampleClashesAndTheAPIGivesThemAsJSON(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            let coordinator = try await demoSession(client, "coordinator")
            let page = String(
                buffer: try await client.execute(uri: "/board", method: .get, headers: coordinator.cookie).body)
            #expect(page.contains("id=\"clash-rows\""))
            #expect(page.contains("data-kind=\"double-booked\""))  // 刘海峰 in gulou's and yunlong's weeks
            #expect(page.contains("<script src=\"/static/board.js\""))
            let json = try await client.execute(uri: "/api/board", method: .get, headers: coordinator.cookie)
            #expect(json.status == .ok)
            let decoded = try JSONSerialization.jsonObject(with: Data(String(buffer: json.body).utf8)) as? [String: Any]
            #expect(((decoded?["clashes"] as? [Any])?.count ?? 0) > 0)
            #expect(((decoded?["weeks"] as? [Any])?.count ?? 0) == 3)
        }
    }
}
