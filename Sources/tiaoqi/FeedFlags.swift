import ArgumentParser
import Feeds
import Foundation
import Messages
import Schedules

/// `--cache`, `--offline`, `--timeout`: how feeds are fetched, for every command that reads calendars.
struct FeedFlags: ParsableArguments {
    @Option(
        name: .long,
        help: "Cache folder for feeds (default: <schedule>/.tiaoqi/cache, or ~/.cache/tiaoqi for a single feed).")
    var cache: String?

    @Flag(name: .long, help: "Use cached copies only; fetch nothing.")
    var offline = false

    @Option(
        name: .long,
        help: "Seconds allowed for a whole request: 1 to \(FeedFetcher.Limits.maxTimeoutSeconds) (default 30).")
    var timeout: Int?

    @Option(name: .customLong("ca-bundle"), help: "A CA bundle to trust for https feeds.")
    var caBundle: String?

    @Option(
        name: .long,
        help:
            "A netrc file (machine HOST login USER password PASS) of feed credentials by host, read instead of ~/.netrc."
    )
    var netrc: String?

    @Flag(
        name: .customLong("allow-insecure-auth"),
        help: "Allow sending feed credentials over plain http (a trusted network only).")
    var allowInsecureAuth = false

    func validate() throws {
        if let timeout, !(1...FeedFetcher.Limits.maxTimeoutSeconds).contains(timeout) {
            // 0 would reach libcurl as "no limit": a hung server would then hang the command for ever.
            throw ValidationError(
                "--timeout must be from 1 to \(FeedFetcher.Limits.maxTimeoutSeconds) seconds (got \(timeout))")
        }
    }

    var options: FeedOptions {
        var options = FeedOptions(cacheFolder: cache, offline: offline, timeout: timeout)
        options.caBundle = caBundle
        options.netrcFile = netrc
        options.allowInsecureAuth = allowInsecureAuth
        return options
    }
}

/// A progress line on stderr while feeds download, only when stderr is a terminal.
enum Progress {
    static func feeds(_ language: Language) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(2) != 0 else { return nil }
        return { done, total in
            let line = Message(.progressFeeds, ["done": .number(done), "total": .number(total)]).text(language)
            FileHandle.standardError.write(Data("\r\(line)\(done == total ? "\n" : "")".utf8))
        }
    }

    /// Percent of the search done, for `Planner.solve(progress:)`.
    static func planning(_ language: Language) -> (@Sendable (Int) -> Void)? {
        guard isatty(2) != 0 else { return nil }
        return { percent in
            let line = Message(.progressPlanning, ["percent": .number(percent)]).text(language)
            FileHandle.standardError.write(Data("\r\(line)\(percent >= 100 ? "\n" : "")".utf8))
        }
    }
}
