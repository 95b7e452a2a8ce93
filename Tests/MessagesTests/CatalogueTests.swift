import Foundation
import Messages
import Testing
import Timeline

@Suite("The message catalogue")
struct CatalogueTests {
    @Test(arguments: Language.allCases)
    func everyLanguageHasEveryKey(_ language: Language) {
        let table = Catalogue.table(language)
        let missing = MessageKey.allCases.filter { table[$0] == nil }
        #expect(missing == [], "\(language) lacks \(missing)")
    }

    @Test func bothLanguagesUseTheSamePlaceholders() {
        for key in MessageKey.allCases {
            let english = Catalogue.placeholders(Catalogue.template(key, .en)).sorted()
            let chinese = Catalogue.placeholders(Catalogue.template(key, .zh)).sorted()
            #expect(english == chinese, "\(key): en \(english), zh \(chinese)")
        }
    }

    @Test func chineseTemplatesHaveNoEnglishWordsOfTheirOwn() {
        // Only the program's name, the option, the locale code, what a user types (in backquotes: settings, options,
        // ids), names written in capitals (iCalendar properties such as DTSTART, encodings such as UTF-8, CSV), and the
        // programs and files people know by name may stay in Latin letters in Chinese.
        let allowed: Set<String> = ["Tiaoqi", "seconds", "zh", "CN", "Excel", "Windows", "iCalendar", "CalDAV"]
        for key in MessageKey.allCases {
            var text = Catalogue.template(key, .zh).replacing(/`[^`]*`/, with: " ")
            for name in Catalogue.placeholders(text) { text = text.replacingOccurrences(of: "{\(name)}", with: "") }
            let latin = text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
            #expect(latin.allSatisfy { allowed.contains($0) || $0 == $0.uppercased() }, "\(key): \(text)")
        }
    }

    @Test func aMessageFillsItsPlaceholdersInEitherLanguage() {
        let message = Message(
            .overBudget, ["cost": .yuan(3_210.4), "person": "刘海峰", "limit": .yuan(3_000)])
        #expect(message.text(.en) == "costs ¥3210 in tickets and hotels, over 刘海峰's limit of ¥3000")
        #expect(message.text(.zh) == "车票和酒店共需 ¥3210，超过 刘海峰 的上限 ¥3000")
    }

    @Test func listsAndTimesFollowTheLanguage() throws {
        let zone = try #require(Zone(identifier: "Asia/Shanghai"))
        let tuesday = zone.instant(try #require(LocalDate(iso: "2022-03-08")), TimeOfDay(minutes: 9 * 60 + 30))
        let message = Message(.fitsByDropping, ["visits": .list(["甲", "乙", "丙"], .or)])
        #expect(message.text(.en) == "fits only by dropping 甲, 乙 or 丙")
        #expect(message.text(.zh) == "只有取消 甲、乙 或 丙 才能安排")
        #expect(Message.Argument.dayClock(tuesday, zone).text(.en) == "Tue 09:30")
        #expect(Message.Argument.dayClock(tuesday, zone).text(.zh) == "周二 09:30")
    }

    @Test func inJSONAMessageIsItsTextInTheEncodersLanguageAndReadsBackVerbatim() throws {
        let message = Message(.weekFull, ["client": "宁芯半导体"])
        let encoder = JSONEncoder()
        encoder.userInfo[.messageLanguage] = Language.zh
        let data = try encoder.encode([message])
        #expect(String(decoding: data, as: UTF8.self) == #"["宁芯半导体 可约时段前后的日程已满"]"#)
        let read = try JSONDecoder().decode([Message].self, from: data)
        #expect(read == [.verbatim("宁芯半导体 可约时段前后的日程已满")])
        #expect(read[0].text(.en) == "宁芯半导体 可约时段前后的日程已满")
    }

    @Test func theLocaleChoosesTheLanguage() {
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromEnvironment([:]) == .en)
    }
}
