import ArgumentParser
import Foundation
import Schedules

/// `--cache`, `--offline`, `--timeout`: how feeds are fetched, for every command that reads calendars.
struct FeedFlags: ParsableArguments {
    @Option(name: .long, help: "Cache folder for feeds (default: <schedule>/.tiaoqi/cache, or ~/.cache/tiaoqi for a single feed).")
    var cache: String?

    @Flag(name: .long, help: "Use cached copies only; fetch nothing.")
    var offline = false

    @Option(name: .long, help: "Seconds allowed for a whole request.")
    var timeout: Int?

    @Option(name: .customLong("ca-bundle"), help: "A CA bundle to trust for https feeds.")
    var caBundle: String?

    var options: FeedOptions {
        var options = FeedOptions(cacheFolder: cache, offline: offline, timeout: timeout)
        options.caBundle = caBundle
        return options
    }
}

/// A progress line on stderr while feeds download, only when stderr is a terminal.
enum Progress {
    static var feeds: (@Sendable (Int, Int) -> Void)? {
        guard isatty(2) != 0 else { return nil }
        return { done, total in
            FileHandle.standardError.write(Data("\rfetching feeds: \(done)/\(total)\(done == total ? "\n" : "")".utf8))
        }
    }

    /// Percent of the search done, for `Planner.solve(progress:)`.
    static var planning: (@Sendable (Int) -> Void)? {
        guard isatty(2) != 0 else { return nil }
        return { percent in
            FileHandle.standardError.write(Data("\rplanning: \(percent)%\(percent >= 100 ? "\n" : "")".utf8))
        }
    }
}
