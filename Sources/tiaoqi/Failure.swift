import ArgumentParser
import Foundation
import GTFS
import Messages
import Schedules

/// Turns library errors into a message on stderr, in the reader's language, and the exit code DESIGN.md promises.
enum Failure {
    static func exit(for error: ScheduleError, in language: Language) -> ExitCode {
        Output.error("tiaoqi: \(error.text(language))")
        switch error.kind {
        case .badInput: return ExitCode(2)
        case .feedUnavailable: return ExitCode(3)
        }
    }

    /// Each warning on its own line of stderr: `tiaoqi: warning: …` or `tiaoqi: 警告：…`.
    static func warn(_ messages: [Message], in language: Language) {
        for message in messages {
            Output.error("tiaoqi: " + Message(.warningLine, ["text": .message(message)]).text(language))
        }
    }

    /// A note of what was done on stderr, `tiaoqi: …`, so standard output keeps only the command's result.
    static func note(_ message: Message, in language: Language) {
        Output.error("tiaoqi: " + message.text(language))
    }
}
