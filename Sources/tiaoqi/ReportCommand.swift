import ArgumentParser
import Foundation
import Pipeline
import Reports
import Store
import Timeline

/// `tiaoqi report --weeks N --by team|leader|stage|sector|region`: the bureau's figures from the store.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The bureau's figures for the last weeks, from the store: trips, visits, delegations, projects.",
        discussion: """
            Rows by team, leader, stage, sector or region, and the whole bureau: trips (runs of consecutive days \
            visiting clients in person away from home; people travelling together make one), visits held, online, \
            called off and still planned, leader-led delegations, projects by stage (as they stand now), the \
            investment open projects expect and the investment signed in the period. The html format adds the heat \
            map of region × sector: visits against the share the targets give each cell. Days are those of the \
            teams' time zone.
            """)

    /// `--format`.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, html, csv }

    @Option(name: .long, help: "How many weeks to count, ending on --until (1 to 520).")
    var weeks: Int = 4

    @Option(name: .long, help: "The last day counted (YYYY-MM-DD; default: today).")
    var until: LocalDateOption?

    @Option(name: .long, help: "Rows by team, leader, stage, sector or region.")
    var by: Grouping = .team

    @Option(name: .long, help: "Output: table, json, html (with the heat map) or csv.")
    var format: Format = .table

    @OptionGroup var store: StoreOptions

    /// `--by`.
    struct Grouping: ExpressibleByArgument {
        var grouping: BureauReport.Grouping
        init?(argument: String) {
            guard let grouping = BureauReport.Grouping(rawValue: argument.lowercased()) else { return nil }
            self.grouping = grouping
        }
        static let team = Grouping(argument: "team")!
        static var allValueStrings: [String] { BureauReport.Grouping.allCases.map(\.rawValue) }
    }

    func validate() throws {
        guard (1...520).contains(weeks) else { throw ValidationError("--weeks must be from 1 to 520") }
    }

    func run() async throws {
        let language = store.language
        let report = try await store.withStore { bureau -> BureauReport in
            // The bureau's calendar: its teams' time zone (the most common, if they differ).
            let zones = Dictionary(grouping: try await bureau.teams(), by: \.timeZone)
            let zone =
                zones.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }.flatMap { Zone(identifier: $0.key) }
                ?? Zone(identifier: "Asia/Shanghai") ?? .utc
            let last = until?.date ?? zone.date(of: Instant(seconds: Int64(Date().timeIntervalSince1970)))
            let first = last.adding(days: 1 - 7 * weeks)
            let facts = try await bureau.periodFacts(
                from: first, to: last, zone: zone, scope: BureauStatistics.scope(by.grouping))
            return BureauStatistics.report(facts, from: first, to: last, by: by.grouping)
        }
        switch format {
        case .table: Output.text(report.table(language), terminator: "")
        case .json: Output.json(report.json(language))
        case .html: Output.html(report.html(language))
        case .csv: FileHandle.standardOutput.write(Data(report.csv(language).utf8))
        }
    }
}
