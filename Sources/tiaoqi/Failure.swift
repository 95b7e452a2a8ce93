import ArgumentParser
import Foundation
import GTFS
import Schedules

/// Turns library errors into a message on stderr and the exit code DESIGN.md promises.
enum Failure {
    static func exit(for error: ScheduleError) -> ExitCode {
        Output.error("tiaoqi: \(error.description)")
        switch error.kind {
        case .badInput: return ExitCode(2)
        case .feedUnavailable: return ExitCode(3)
        }
    }

    static func warn(_ lines: [String]) {
        for line in lines { Output.error("tiaoqi: warning: \(line)") }
    }
}
