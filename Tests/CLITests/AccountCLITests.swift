import Foundation
import Store
import TestSupport
import Testing

/// `tiaoqi account add` and `list`: the password from standard input, refusals with exit 2.
@Suite("Accounts of the shared board from the command line")
struct AccountCLITests {
    @Test func anAccountIsAddedWithItsPasswordHashedAndListedWithoutIt() async throws {
        let db = Fixtures.temporaryFolder("accounts") + "/bureau.sqlite"
        let added = try tiaoqi(
            ["account", "add", "wang", "--name", "王主任", "--role", "coordinator", "--db", db, "--lang", "zh"],
            input: "s3cret words\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("已保存账号 wang：王主任，协调员。"))
        let store = try await BureauStore.open(.sqlite(path: db))
        let account = try await store.account("wang")
        try await store.close()
        #expect(account?.passwordHash.hasPrefix("$2") == true)
        #expect(account?.passwordHash.contains("s3cret") == false)
        let list = try tiaoqi(["account", "list", "--db", db, "--lang", "en"], input: "")
        #expect(list.status == 0)
        #expect(list.stdout.contains("wang\t王主任\tcoordinator\t-\t-"))
        #expect(!list.stdout.contains("$2"))
    }

    @Test func anEmptyPasswordABadIdOrAnOfficerWithoutATeamIsRefused() throws {
        let db = Fixtures.temporaryFolder("accounts") + "/bureau.sqlite"
        let cases: [([String], String, String)] = [
            (["wang", "--name", "W", "--role", "admin"], "\n", "standard input"),
            (["wang", "--name", "W", "--role", "admin"], "", "standard input"),
            (["Wang!", "--name", "W", "--role", "admin"], "pw\n", "lowercase letters"),
            (["zhou", "--name", "Z", "--role", "officer"], "pw\n", "--team"),
            (["zhou", "--name", "Z", "--role", "officer", "--team", "nowhere"], "pw\n", "no team nowhere"),
        ]
        for (arguments, input, said) in cases {
            let run = try tiaoqi(["account", "add"] + arguments + ["--db", db, "--lang", "en"], input: input)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(said), "\(run.stderr)")
        }
        let list = try tiaoqi(["account", "list", "--db", db, "--lang", "en"], input: "")
        #expect(list.stdout.contains("No accounts yet"))
    }
}
