import Foundation
import Messages
import TestSupport
import Testing

/// The English words people would read if a sentence slipped through untranslated: every word of three letters or
/// more in the English catalogue's templates, less the ones the Chinese catalogue itself keeps in its prose (`Tiaoqi`,
/// `DTSTART`; not what it quotes in backquotes for the user to type, such as `from,to,minutes`).
private let englishWords: Set<String> = {
    func words(_ language: Language) -> Set<String> {
        var found: Set<String> = []
        for template in Catalogue.table(language).values {
            var text = language == .zh ? template.replacing(/`[^`]*`/, with: " ") : template
            for name in Catalogue.placeholders(template) {
                text = text.replacingOccurrences(of: "{\(name)}", with: " ")
            }
            for word in text.split(whereSeparator: { !$0.isASCII || !$0.isLetter }) where word.count >= 3 {
                found.insert(word.lowercased())
            }
        }
        return found
    }
    return words(.en).subtracting(words(.zh))
}()

/// Runs of two or more English catalogue words in `text` (joined by spaces or punctuation): an English sentence, or
/// a piece of one. Command lines in backquotes and file paths are names, not sentences, and are left out.
func englishSentences(in text: String) -> [String] {
    let text = text.replacing(/`[^`]*`/, with: " ").replacing(/[^\s`]*\/[^\s`]*/, with: " ")
    var found: [String] = []
    for run in text.matches(of: /[A-Za-z]+(?:[\s,;:()'"\-]+[A-Za-z]+)+/) {
        var previous = false
        for word in run.output.split(whereSeparator: { !$0.isLetter }) {
            let english = word.count >= 3 && englishWords.contains(word.lowercased())
            if english && previous {
                found.append(String(run.output))
                break
            }
            previous = english
        }
    }
    return found
}

/// What a person reads in an HTML page: its text and its tooltips, without styles and scripts.
private func readableText(html: String) -> String {
    let body = html.replacing(/(?s)<style[^>]*>.*?<\/style>|<script[^>]*>.*?<\/script>/, with: " ")
    let tooltips = body.matches(of: /(?:title|aria-label)="([^"]*)"/).map { String($0.output.1) }
    return ([body.replacing(/<[^>]+>/, with: " ")] + tooltips).joined(separator: "\n")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

/// The sentences of a JSON report or plan.json: left-out reasons, changes, explanations, fixes, findings.
private func sentences(json: String) throws -> String {
    func collect(_ value: Any, key: String?) -> [String] {
        switch value {
        case let object as [String: Any]: return object.flatMap { collect($0.value, key: $0.key) }
        case let array as [Any]: return array.flatMap { collect($0, key: key) }
        case let text as String:
            return ["reasons", "changes", "explanation", "fix", "message"].contains(key ?? "") ? [text] : []
        default: return []
        }
    }
    return collect(try JSONSerialization.jsonObject(with: Data(json.utf8)), key: nil).joined(separator: "\n")
}

/// The SUMMARY and DESCRIPTION texts of an .ics file, unfolded and unescaped.
private func eventTexts(ics: String) -> String {
    ics.replacingOccurrences(of: "\r\n ", with: "").split(separator: "\r\n")
        .filter { $0.hasPrefix("SUMMARY") || $0.hasPrefix("DESCRIPTION") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map(String.init) ?? "" }
        .joined(separator: "\n").replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\,", with: ",")
        .replacingOccurrences(of: "\\;", with: ";")
}

@Suite("Output in Chinese", .serialized)
struct ChineseOutputTests {
    /// Every place in `texts` (labelled by where it came from) that holds an English sentence.
    private func english(_ texts: [(String, String)]) -> [String] {
        texts.flatMap { label, text in englishSentences(in: text).map { "\(label): \($0)" } }
    }

    /// Plans `schedule` with `--lang zh` (keeping `keep` if given) and collects the table, plan.json's sentences, the
    /// report, every .ics, and `check`'s table, JSON and HTML of the plan written.
    private func planTexts(_ schedule: String, keep: String? = nil) throws -> [(String, String)] {
        let out = Fixtures.temporaryFolder("zh-plan")
        let run = try tiaoqi(
            ["plan", schedule, "--out", out, "--lang", "zh", "--seconds", "0.05"] + (keep.map { ["--keep", $0] } ?? []))
        #expect(run.status == 0 || run.status == 1, "\(schedule): \(run.stderr)")
        var texts = [
            ("\(schedule) table", run.stdout),
            ("\(schedule) plan.json", try sentences(json: String(contentsOfFile: out + "/plan.json", encoding: .utf8))),
            (
                "\(schedule) report.html",
                readableText(html: try String(contentsOfFile: out + "/report.html", encoding: .utf8))
            ),
        ]
        for file in try FileManager.default.contentsOfDirectory(atPath: out).sorted() where file.hasSuffix(".ics") {
            texts.append(
                ("\(schedule) \(file)", eventTexts(ics: try String(contentsOfFile: out + "/" + file, encoding: .utf8))))
        }
        let check = ["check", out + "/plan.json", "--lang", "zh", "--format"]
        texts.append(("\(schedule) check", try tiaoqi(check + ["table"]).stdout))
        texts.append(("\(schedule) check json", try sentences(json: try tiaoqi(check + ["json"]).stdout)))
        texts.append(("\(schedule) check html", readableText(html: try tiaoqi(check + ["html"]).stdout)))
        return texts
    }

    @Test func theSampleWeekReadsInChinese() throws {
        let texts = try planTexts("schedules/2022-w10")
        #expect(english(texts) == [])
        // The scan sees real output: the left-out reasons and the table's rows are there, in Chinese.
        let table = try #require(texts.first?.1)
        #expect(table.contains("未安排的拜访") && table.contains("拜访 ") && table.contains("住宿 "), "\(table)")
    }

    @Test(arguments: [
        "clean", "connection-broken", "double-booked", "outside-availability", "over-limit", "same-company",
        "service-gone", "unreachable",
    ])
    func everyClashExampleReadsInChinese(_ example: String) throws {
        let folder = "examples/clashes/\(example)"
        let clashes = ["clashes", folder + "/plans", "--lang", "zh", "--format"]
        var texts = [
            ("\(example) clashes", try tiaoqi(clashes + ["table"]).stdout),
            ("\(example) clashes json", try sentences(json: try tiaoqi(clashes + ["json"]).stdout)),
            ("\(example) clashes html", readableText(html: try tiaoqi(clashes + ["html"]).stdout)),
        ]
        // Each team's week planned again, keeping the example's plan: the changes and given-up tickets in Chinese too.
        for team in try FileManager.default.contentsOfDirectory(atPath: Fixtures.path(folder + "/teams")).sorted() {
            let kept = "\(folder)/plans/\(team)/plan.json"
            texts += try planTexts(
                "\(folder)/teams/\(team)",
                keep: FileManager.default.fileExists(atPath: Fixtures.path(kept)) ? kept : nil)
        }
        #expect(english(texts) == [])
    }

    @Test func theScanFindsEnglishSentences() {
        #expect(englishSentences(in: "刘海峰：no journey from 家 to 北京 after 周二 09:00") == ["no journey from"])
        #expect(
            englishSentences(in: "徐州东 Xuzhou East 16:07；`tiaoqi plan teams/gulou --keep plans/gulou/plan.json`") == [])
        #expect(englishSentences(in: "1 double-booked 错误") == ["double-booked"])
        #expect(englishSentences(in: "手写：examples/clashes/double-booked/plans/by-hand/liu.ics") == [])
    }
}
