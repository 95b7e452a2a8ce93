import Foundation
import Itinerary
import Messages

/// `expenses.csv`, for reimbursement: per person who travels, the tickets, the hotels, the per-diem (when the travel
/// policy pays one) and their total, and a total row. UTF-8 with a byte-order mark, so Excel on a Chinese Windows
/// opens it as UTF-8; amounts in yuan with two decimals; headers in the report's language.
public enum ExpensesCSV {
    /// The file's bytes for `plan`, people named from `problem`. A per-diem column (before the total, which counts
    /// it) appears when the travel policy pays one.
    public static func render(_ plan: Plan, problem: Problem, language: ReportLanguage) -> [UInt8] {
        func say(_ key: MessageKey) -> String { Message(key).text(language) }
        let names = Dictionary(problem.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let people = plan.score.people ?? []
        let paysPerDiem = people.contains { $0.perDiem != nil }
        func row(_ first: [String], tickets: Double, hotels: Double, perDiem: Double) -> [String] {
            first + [amount(tickets), amount(hotels)] + (paysPerDiem ? [amount(perDiem)] : [])
                + [amount(tickets + hotels + perDiem)]
        }
        var lines = [
            [
                say(.expensesStaffID), say(.expensesName), say(.expensesVisits), say(.expensesNights),
                say(.expensesTickets), say(.expensesHotels),
            ] + (paysPerDiem ? [say(.expensesPerDiem)] : []) + [say(.expensesTotal)]
        ]
        var tickets = 0.0
        var hotels = 0.0
        var perDiems = 0.0
        var nights = 0
        var visits = 0
        for person in people {
            tickets += person.tickets
            hotels += person.hotels
            perDiems += person.perDiem ?? 0
            nights += person.nights
            visits += person.visits
            lines.append(
                row(
                    [person.person, names[person.person] ?? person.person, "\(person.visits)", "\(person.nights)"],
                    tickets: person.tickets, hotels: person.hotels, perDiem: person.perDiem ?? 0))
        }
        lines.append(
            row(
                [say(.expensesTotalRow), "", "\(visits)", "\(nights)"], tickets: tickets, hotels: hotels,
                perDiem: perDiems))
        let text = lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// Yuan with two decimals, rounded to the fen; an absurd figure (a forged plan's) is shown as it is, never trapped on.
    static func amount(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        let fen = Int((value * 100).rounded())
        let sign = fen < 0 ? "-" : ""
        let whole = abs(fen) / 100
        let rest = abs(fen) % 100
        return "\(sign)\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@`
    /// is prefixed with `'` so a spreadsheet does not run it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
