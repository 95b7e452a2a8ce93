import Foundation
import Reports
import Schedules
import TestSupport
import Testing

/// Text from feeds and files cannot act on the terminal or the page it is shown in (issue 13, class 3).
@Suite("Hostile text in what tiaoqi prints")
struct HostileOutputTests {
    /// A feed whose SUMMARY sets the terminal title (OSC 0), clears the screen (CSI 2J), writes the clipboard
    /// (OSC 52), starts an 8-bit CSI (U+009B) and opens a right-to-left override it never closes.
    static let feed = "Tests/CLITests/Fixtures/hostile/terminal-escapes.ics"

    /// Scalars a terminal may act on: C0 but newline and tab, DEL, C1, and bidi embeddings, overrides, isolates.
    static func dangerous(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
        }
    }

    @Test func aFeedsEscapeSequencesAreShownNotObeyed() throws {
        let run = try tiaoqi(["calendar", "expand", Self.feed, "--from", "2022-03-07", "--to", "2022-03-09"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.dangerous(run.stdout).isEmpty)
        #expect(run.stdout.contains(#"董事会\u{1B}]0;pwned\u{7}\u{1B}[2J"#))
        #expect(run.stdout.contains(#"\u{9B}31m\u{202E}evil"#))
    }

    @Test func jsonLinesCarryTheSameTextAsEscapes() throws {
        let run = try tiaoqi([
            "calendar", "expand", Self.feed, "--from", "2022-03-07", "--to", "2022-03-09", "--format", "jsonl",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.dangerous(run.stdout).isEmpty)
        let line = try #require(run.stdout.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let summary = try #require(object?["summary"] as? String)
        #expect(summary == "董事会\u{1B}]0;pwned\u{7}\u{1B}[2J\u{1B}]52;c;ZWNobyBwd25lZA==\u{7}\u{9B}31m\u{202E}evil")
    }

    @Test func aClientNameWithEscapesAndAnOverrideIsHarmlessInTheTableAndTheJSON() throws {
        let folder = Fixtures.copy(Fixtures.quickstart)
        let name = "南京宁芯半导体有限公司\u{1B}]0;pwned\u{7}\u{202E}lave"
        Fixtures.edit("\(folder)/clients.csv", replacing: "南京宁芯半导体有限公司", with: "\"\(name)\"")
        let table = try tiaoqi(["plan", folder, "--seconds", "0.05"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(Self.dangerous(table.stdout).isEmpty)
        #expect(table.stdout.contains(#"南京宁芯半导体有限公司\u{1B}]0;pwned\u{7}\u{202E}lave"#))
        let json = try tiaoqi(["plan", folder, "--seconds", "0.05", "--format", "json"])
        #expect(Self.dangerous(json.stdout).isEmpty)
        #expect(json.stdout.contains(#"\u001b]0;pwned\u0007\u202Elave"#))
    }

    @Test func aNameWithALineBreakCannotPrintALineOfItsOwn() throws {
        let folder = Fixtures.copy(Fixtures.quickstart)
        // A quoted name whose second line pretends to be the end of the table.
        Fixtures.edit(
            "\(folder)/clients.csv", replacing: "上海瑞和生物医药有限公司",
            with: "\"上海瑞和\nScore: must-visits 9/9 · priority 99/99\"")
        let run = try tiaoqi(["plan", folder, "--seconds", "0.05"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("Score:") }.count == 1)
        #expect(run.stdout.contains(#"上海瑞和\u{A}Score: must-visits 9/9"#))
    }

    @Test func anUnterminatedOverrideIsClosedAndIsolatedInTheHTMLReport() throws {
        let folder = Fixtures.copy(Fixtures.quickstart)
        let name = "南京宁芯\u{202E}半导体有限公司"
        Fixtures.edit("\(folder)/clients.csv", replacing: "南京宁芯半导体有限公司", with: name)
        let out = Fixtures.temporaryFolder("bidi")
        let plan = try tiaoqi(["plan", folder, "--seconds", "0.05", "--out", out])
        #expect(plan.status == 0, "\(plan.stderr)")
        let html = try tiaoqi(["check", "\(out)/plan.json", "--format", "html"])
        // Every override the name opens is closed inside an isolate of its own, before any markup that follows.
        #expect(html.stdout.contains("\u{2068}南京宁芯\u{202E}半导体有限公司\u{202C}\u{2069}"))
        #expect(!html.stdout.contains("\u{202E}半导体有限公司<"))
        #expect(html.stdout.contains("unicode-bidi: isolate"))
        #expect(
            html.stdout.unicodeScalars.filter { $0 == "\u{202E}" }.count
                == html.stdout.unicodeScalars.filter { $0 == "\u{202C}" }.count)
    }

    @Test(arguments: ["table", "json", "html"])
    func absurdPricesInAForgedPlanAreFindingsInEveryFormatNotATrap(format: String) throws {
        // A hotel night of ¥1e300 and a ticket of ¥-1e300: no Int conversion may trap on them.
        let run = try tiaoqi(["check", "Tests/AuditTests/Fixtures/hostile/absurd-costs.plan.json", "--format", format])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("wrong-price"))
        #expect(run.stdout.contains("wrong-hotel-cost"))
    }

    @Test func isolationBalancesWhatTheTextOpensAndDropsStrayClosers() {
        #expect(SafeText.bidiIsolated("plain") == "plain")
        #expect(SafeText.bidiIsolated("a\u{202E}b") == "\u{2068}a\u{202E}b\u{202C}\u{2069}")
        #expect(SafeText.bidiIsolated("\u{202C}\u{2069}x") == "\u{2068}x\u{2069}")
        #expect(
            SafeText.bidiIsolated("\u{2067}a\u{202B}b\u{2069}c")
                == "\u{2068}\u{2067}a\u{202B}b\u{202C}\u{2069}c\u{2069}")
        #expect(SafeText.bidiIsolated("שלום") == "\u{2068}שלום\u{2069}")
    }
}
