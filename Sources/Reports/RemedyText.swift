import Audit
import Foundation

/// A clash's remedy in words, in Chinese or English, with the replan as a command line a shell reads back unchanged.
public enum RemedyText {
    /// The remedy as one line.
    public static func sentence(_ remedy: Remedy, language: ReportLanguage) -> String {
        let zh = language == .zh
        let subject = remedy.subject ?? ""
        let command = remedy.replan.map(commandLine)
        let replan = command.map { zh ? "重新规划：`\($0)`" : "replan with `\($0)`" }
        let step: String
        switch remedy.action {
        case .teamsAgreeOnPerson:
            step =
                zh
                ? "两个团队商定由哪一方保留\(subject)的这段时间；另一方调整拜访或改派他人"
                : "the two teams agree which one keeps \(subject) then; the other moves its visit or sends someone else"
        case .moveOneVisit:
            step = zh ? "调整其中一次拜访，或改派他人前往其中一处" : "move one of the two visits, or send someone else to one of them"
        case .teamsAgreeOnCompany:
            step =
                zh
                ? "商定由哪个团队对接\(subject)；另一方取消拜访或一同前往"
                : "agree which team leads \(subject); the other drops its visit or joins it"
        case .replanMovesVisit:
            return replan.map { zh ? "\($0)：只调整这次拜访，其余保持不变" : "\($0): it moves this visit and keeps the rest" }
                ?? (zh ? "调整这次拜访" : "move this visit")
        case .moveVisitOrOwnEvent:
            step = zh ? "调整这次拜访或\(subject)日历中的事件" : "move the visit or the event in \(subject)'s calendar"
        case .moveInsideWorkingHours: step = zh ? "把拜访移到 \(subject) 之内" : "move the visit inside \(subject)"
        case .rebookService:
            return replan.map {
                zh ? "该班次已不在此时运行：\($0)，重新订票" : "the service no longer runs at that time: \($0) to rebook"
            }
                ?? (zh ? "该班次已不在此时运行，请重新订票" : "the service no longer runs at that time: rebook")
        case .rebookConnection:
            return replan.map { zh ? "换乘时间已不够：\($0)，重新订票" : "the change is now too tight: \($0) to rebook" }
                ?? (zh ? "换乘时间已不够，请重新订票" : "the change is now too tight: rebook")
        case .moveOneOfTwo: step = zh ? "调整两者之一" : "move one of the two"
        case .spreadTheTrip:
            return replan.map {
                zh
                    ? "把行程分到更多天，或把一次拜访交给他人：\($0)"
                    : "split the trip over more days or give a visit to someone else: \($0)"
            }
                ?? (zh ? "把行程分到更多天，或把一次拜访交给他人" : "split the trip over more days or give a visit to someone else")
        case .replan: return replan ?? (zh ? "重新规划本周" : "replan the week")
        }
        return replan.map { zh ? "\(step)，或\($0)" : "\(step), or \($0)" } ?? step
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
