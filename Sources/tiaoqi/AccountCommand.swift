import ArgumentParser
import Foundation
import Messages
import Server
import Store
import Timeline

/// `tiaoqi account …`: who may sign in to the shared board.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Accounts of the shared board (tiaoqi serve): add or replace one, list them.",
        subcommands: [AccountAddCommand.self, AccountListCommand.self])
}

/// `--role officer|lead|coordinator|admin`.
struct RoleOption: ExpressibleByArgument {
    var role: Account.Role

    init?(argument: String) {
        guard let role = Account.Role(rawValue: argument.lowercased()) else { return nil }
        self.role = role
    }

    static var allValueStrings: [String] { Account.Role.allCases.map(\.rawValue) }
}

/// `tiaoqi account add ID --name … --role …`: an account, its password read from standard input.
struct AccountAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account, or replace the one with its id; the password is one line on standard input.",
        discussion: """
            The password is kept only as a bcrypt hash (cost 12). Replacing an account's password, role or team ends \
            its sessions. Officers and leads belong to a team of the store (--team).
            """)

    @Argument(help: "The login name: lowercase letters, digits, _, . and -.")
    var id: String

    @Option(name: .long, help: "The name shown.")
    var name: String

    @Option(name: .long, help: "officer, lead, coordinator or admin.")
    var role: RoleOption

    @Option(name: .long, help: "The team of an officer or lead (a team id in the store).")
    var team: String?

    @Option(name: .long, help: "The member of staff the account is (a staff id in the store).")
    var staff: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let language = store.language
        guard !id.isEmpty, id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || "_.-".contains($0) })
        else {
            Output.error("tiaoqi: " + Message(.accountBadID, ["id": .text(id)]).text(language))
            throw ExitCode(2)
        }
        if [.officer, .lead].contains(role.role), team == nil {
            Output.error("tiaoqi: " + Message(.accountNeedsTeam).text(language))
            throw ExitCode(2)
        }
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            Output.error("tiaoqi: " + Message(.accountEmptyPassword).text(language))
            throw ExitCode(2)
        }
        try await store.withStore { bureau in
            let teams = try await bureau.teams()
            if let team, !teams.contains(where: { $0.id == team }) {
                Output.error("tiaoqi: " + Message(.accountUnknownTeam, ["team": .text(team)]).text(language))
                throw ExitCode(2)
            }
            let before = try await bureau.account(id)
            let account = Account(
                id: id, name: name, role: role.role, teamID: team, staffID: staff,
                passwordHash: Passwords.hash(password), createdAt: before?.createdAt ?? Instant(.now))
            try await bureau.save(account)
            Output.line(
                Message(.accountAdded, ["id": .text(id), "name": .text(name), "role": .word(role.role.word)]).text(
                    language))
        }
    }
}

/// `tiaoqi account list`: every account, without its hash.
struct AccountListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the accounts: id, name, role, team, staff, and whether disabled.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let language = store.language
        let accounts = try await store.withStore { bureau in try await bureau.accounts() }
        guard !accounts.isEmpty else {
            Output.line(Message(.accountNone).text(language))
            return
        }
        let head: [MessageKey] = [
            .accountColumnID, .accountColumnName, .accountColumnRole, .boardColumnTeam, .accountColumnStaff,
        ]
        var lines = [head.map { Message($0).text(language) }.joined(separator: "\t")]
        for account in accounts {
            var fields = [
                account.id, account.name, Message(account.role.word).text(language), account.teamID ?? "-",
                account.staffID ?? "-",
            ]
            if account.disabled { fields.append(Message(.accountDisabled).text(language)) }
            lines.append(fields.joined(separator: "\t"))
        }
        Output.text(lines.joined(separator: "\n"))
    }
}
