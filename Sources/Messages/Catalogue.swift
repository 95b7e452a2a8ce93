/// Every sentence of Tiaoqi in each language: one table per language, kept in seven files by area so a translator
/// edits one language at a time. English: `Catalogue+en.swift` (reports, plans, clashes), `Catalogue+en+Input.swift`
/// (warnings, input errors, and the `route`, `fetch` and `calendar` commands), `Catalogue+en+Files.swift` (errors
/// in timetable, CSV, text and zip files), `Catalogue+en+Bureau.swift` (the bureau's report) and
/// `Catalogue+en+Board.swift` (the shared board and its accounts), `Catalogue+en+Weeks.swift` (the board's weeks) and
/// `Catalogue+en+Publish.swift` (writing calendars back over CalDAV); Chinese: the same
/// files with `zh`, the same keys in the same order.
public enum Catalogue {
    /// The template of `key` in `language`, placeholders as `{name}`; the English one when a table lacks it.
    public static func template(_ key: MessageKey, _ language: Language) -> String {
        table(language)[key] ?? allEnglish[key] ?? key.rawValue
    }

    /// The whole table of `language`.
    public static func table(_ language: Language) -> [MessageKey: String] {
        switch language {
        case .en: allEnglish
        case .zh: allChinese
        }
    }

    /// The English table: all of its files.
    private static let allEnglish = english.merging(englishInput) { first, _ in first }.merging(englishFiles) {
        first, _ in first
    }.merging(englishBureau) { first, _ in first }.merging(englishBoard) { first, _ in first }
        .merging(englishWeeks) { first, _ in first }.merging(englishMeetings) { first, _ in first }
        .merging(englishPublish) { first, _ in first }
    /// The Chinese table: all of its files.
    private static let allChinese = chinese.merging(chineseInput) { first, _ in first }.merging(chineseFiles) {
        first, _ in first
    }.merging(chineseBureau) { first, _ in first }.merging(chineseBoard) { first, _ in first }
        .merging(chineseWeeks) { first, _ in first }.merging(chineseMeetings) { first, _ in first }
        .merging(chinesePublish) { first, _ in first }

    /// The names of the `{placeholders}` in a template, in order.
    public static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
