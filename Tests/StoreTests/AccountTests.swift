import Store
import TestSupport
import Testing
import Timeline

/// Accounts, sessions, the record of changes and calendar subscriptions of the shared board, on each backend.
@Suite("The bureau's store: accounts and sessions")
struct AccountTests {
    let now = Instant(seconds: 1_646_611_200)

    func seed(_ store: BureauStore) async throws {
        try await store.save(RecordBatch(teams: StoreRecordTests.teams, staff: StoreRecordTests.staff))
        try await store.save(
            Account(
                id: "zhou", name: "周建华", role: .officer, teamID: "gulou", staffID: "zhou",
                passwordHash: "$2b$12$first", createdAt: now))
    }

    @Test(arguments: Backend.available)
    func aSessionLastsUntilItExpiresOrItsAccountChanges(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await seed(store)
            #expect(try await store.account("zhou")?.role == .officer)
            try await store.start(
                SessionRecord(
                    tokenHash: "h1", accountID: "zhou", csrfToken: "c1", createdAt: now, expiresAt: now + 3_600))
            #expect(try await store.session("h1", at: now + 60)?.account.staffID == "zhou")
            #expect(try await store.session("h1", at: now + 60)?.session.csrfToken == "c1")
            #expect(try await store.session("unknown", at: now) == nil)
            // Past its end it is gone, and stays gone.
            #expect(try await store.session("h1", at: now + 3_600) == nil)
            #expect(try await store.session("h1", at: now) == nil)

            // A new password ends the account's sessions; so does disabling it.
            try await store.start(
                SessionRecord(
                    tokenHash: "h2", accountID: "zhou", csrfToken: "c2", createdAt: now, expiresAt: now + 3_600))
            var account = try #require(try await store.account("zhou"))
            account.passwordHash = "$2b$12$second"
            try await store.save(account)
            #expect(try await store.session("h2", at: now) == nil)
            try await store.start(
                SessionRecord(
                    tokenHash: "h3", accountID: "zhou", csrfToken: "c3", createdAt: now, expiresAt: now + 3_600))
            account.name = "周建华（鼓楼）"
            try await store.save(account)
            #expect(try await store.session("h3", at: now) != nil)
            account.disabled = true
            try await store.save(account)
            #expect(try await store.session("h3", at: now) == nil)
            try await store.endSession("h3")
            #expect(try await store.accounts().map(\.id) == ["zhou"])
        }
    }

    @Test(arguments: Backend.available)
    func changesComeBackLatestFirstAndSubscriptionsCanBeReplaced(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await seed(store)
            for (offset, action) in [(0, "publish"), (0, "lock-visit"), (5, "replan")] {
                try await store.record(
                    ChangeRecord(
                        at: now + Int64(offset), accountID: "zhou", action: action, subject: "gulou 2022-03-07"))
            }
            #expect(try await store.changes().map(\.action) == ["replan", "lock-visit", "publish"])
            #expect(try await store.changes(since: now + 1).map(\.action) == ["replan"])
            #expect(try await store.changes(limit: 1).map(\.action) == ["replan"])

            try await store.subscribe("zhou", tokenHash: "t1", at: now)
            #expect(try await store.subscriber("t1") == "zhou")
            try await store.subscribe("zhou", tokenHash: "t2", at: now + 10)
            #expect(try await store.subscriber("t1") == nil)
            #expect(try await store.subscriber("t2") == "zhou")
            try await store.revokeSubscriptions(of: "zhou", at: now + 20)
            #expect(try await store.subscriber("t2") == nil)
        }
    }
}
