import Audit
import Messages
import Reports
import Testing

/// A clash's remedy in words: both languages, and a replan command line a shell reads back unchanged.
@Suite("Remedies in words")
struct RemedyTextTests {
    @Test func aReplanIsACommandLineInEitherLanguage() {
        let remedy = Remedy(
            .replanMovesVisit, replan: Remedy.Replan(schedule: "teams/gulou", keeping: "plans/gulou/plan.json"))
        #expect(
            RemedyText.sentence(remedy, language: .en)
                == "replan with `tiaoqi plan teams/gulou --keep plans/gulou/plan.json`: it moves this visit and keeps the rest"
        )
        #expect(
            RemedyText.sentence(remedy, language: .zh).hasPrefix(
                "重新规划：`tiaoqi plan teams/gulou --keep plans/gulou/plan.json`"))
    }

    @Test func pathsAreQuotedForTheShellWhereTheyNeedIt() {
        let line = RemedyText.commandLine(Remedy.Replan(schedule: "week 10; rm -rf ~", keeping: "it's/鼓楼区/plan.json"))
        #expect(line == #"tiaoqi plan 'week 10; rm -rf ~' --keep 'it'\''s/鼓楼区/plan.json'"#)
        #expect(
            RemedyText.commandLine(Remedy.Replan(schedule: "schedules/2022-w10", keeping: "鼓楼区/plan.json"))
                == "tiaoqi plan schedules/2022-w10 --keep 鼓楼区/plan.json")
    }

    @Test func everyActionHasWordsWithAndWithoutAReplan() {
        for action in Remedy.Action.allCases {
            for replan in [nil, Remedy.Replan(schedule: "s", keeping: "p.json")] {
                for language in ReportLanguage.allCases {
                    let words = RemedyText.sentence(Remedy(action, subject: "刘海峰", replan: replan), language: language)
                    #expect(!words.isEmpty)
                    #expect(
                        (replan != nil) == words.contains("tiaoqi plan s --keep p.json"),
                        "\(action) \(language): \(words)")
                }
            }
        }
    }
}
