import ArgumentParser
import Foundation
import GTFS
import Reports
import Schedules

/// `--format table|json` of the benches that print a table too.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Turns a library error into a message on stderr and the exit code `tiaoqi` would give for it.
enum Failure {
    static func exit(for error: ScheduleError) -> ExitCode {
        FileHandle.standardError.write(Data((SafeText.line("tiaoqi-bench: \(error.description)") + "\n").utf8))
        switch error.kind {
        case .badInput: return ExitCode(2)
        case .feedUnavailable: return ExitCode(3)
        }
    }
}
