import Audit
import Foundation
import Messages

/// A clash's remedy in words, in Chinese or English, with the replan as a command line a shell reads back unchanged.
public enum RemedyText {
    /// The remedy as one line.
    public static func sentence(_ remedy: Remedy, language: ReportLanguage) -> String {
        message(remedy).text(language)
    }

    /// The remedy as a catalogue sentence.
    public static func message(_ remedy: Remedy) -> Message {
        let subject = Message.Argument.text(remedy.subject ?? "")
        let replan = remedy.replan.map { Message.Argument.text(commandLine($0)) }
        func step(_ key: MessageKey) -> Message {
            let step = Message(key, ["subject": subject])
            return replan.map { Message(.remedyOrReplan, ["step": .message(step), "command": $0]) } ?? step
        }
        func either(_ withReplan: MessageKey, _ without: MessageKey) -> Message {
            replan.map { Message(withReplan, ["command": $0]) } ?? Message(without)
        }
        switch remedy.action {
        case .teamsAgreeOnPerson: return step(.remedyTeamsAgreeOnPerson)
        case .moveOneVisit: return step(.remedyMoveOneVisit)
        case .teamsAgreeOnCompany: return step(.remedyTeamsAgreeOnCompany)
        case .replanMovesVisit: return either(.remedyReplanMovesVisit, .remedyMoveThisVisit)
        case .moveVisitOrOwnEvent: return step(.remedyMoveVisitOrOwnEvent)
        case .moveInsideWorkingHours: return step(.remedyMoveInsideWorkingHours)
        case .rebookService: return either(.remedyRebookServiceReplan, .remedyRebookService)
        case .rebookConnection: return either(.remedyRebookConnectionReplan, .remedyRebookConnection)
        case .moveOneOfTwo: return step(.remedyMoveOneOfTwo)
        case .spreadTheTrip: return either(.remedySpreadTheTripReplan, .remedySpreadTheTrip)
        case .replan: return either(.remedyReplanWith, .remedyReplanTheWeek)
        }
    }

    /// `tiaoqi plan SCHEDULE --keep PLAN`, each path quoted for a POSIX shell where it needs it.
    public static func commandLine(_ replan: Remedy.Replan) -> String {
        "tiaoqi plan \(shellWord(replan.schedule)) --keep \(shellWord(replan.keeping))"
    }

    /// A word a POSIX shell reads back as `text`: as it is when it holds only safe characters, else in single quotes.
    static func shellWord(_ text: String) -> String {
        let safe =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.value > 0x7F
                    ? scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/+:@%,=".unicodeScalars
                        .contains(scalar)
            }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
