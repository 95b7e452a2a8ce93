import Feeds
import Foundation
import GTFS
import Itinerary
import Messages

/// `plan.json`: the plan as snake_case JSON with sorted keys, so equal plans are equal bytes.
public enum PlanJSON {
    /// The JSON bytes of a plan, or of any report written the same way (snake_case, sorted keys, pretty), its
    /// sentences (left-out reasons, changes) in `language`.
    public static func encode(_ value: some Encodable, language: Language = .en) -> Data {
        let encoder = JSONEncoder()
        encoder.userInfo[.messageLanguage] = language
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding these value types cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }

    /// The `version`s of plan.json this Tiaoqi reads.
    public static let knownVersions = [1]

    /// Reads a plan file; errors name the file, the line, what is wrong and what to do.
    public static func decode(contentsOf path: String) throws(ScheduleError) -> Plan {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ScheduleError(file: path, Message(.planJSONMissing))
        }
        return try decode(try InputText.read(path), file: path)
    }

    /// Reads plan.json text; errors name `file`, the line, what is wrong and what to do.
    public static func decode(_ text: String, file path: String) throws(ScheduleError) -> Plan {
        if let (line, message) = JSONLines.syntaxError(in: text) {
            throw ScheduleError(
                file: path, line: line,
                Message(.planJSONInvalid, ["problem": .text(message)]))
        }
        struct Header: Decodable { var version: Int? }
        let version = try? JSONDecoder().decode(Header.self, from: Data(text.utf8)).version
        if let version, !knownVersions.contains(version) {
            throw ScheduleError(
                file: path, line: JSONLines.line(of: ["version"], in: text),
                Message(
                    .planJSONVersion,
                    ["version": .text("\(version)"), "known": .names(knownVersions.map { String($0) })]))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        func line(_ codingPath: [any CodingKey]) -> Int? {
            JSONLines.line(of: codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }, in: text)
        }
        do {
            return try decoder.decode(Plan.self, from: Data(text.utf8))
        } catch let DecodingError.dataCorrupted(context) {
            throw ScheduleError(
                file: path, line: line(context.codingPath),
                Message(
                    .planJSONAt,
                    ["problem": .text(context.debugDescription), "path": .text(pathText(context.codingPath))]))
        } catch let DecodingError.keyNotFound(key, context) {
            throw ScheduleError(
                file: path, line: line(context.codingPath),
                Message(
                    .planJSONMissingKey, ["key": .text(key.stringValue), "path": .text(pathText(context.codingPath))]))
        } catch let DecodingError.typeMismatch(_, context) {
            throw ScheduleError(
                file: path, line: line(context.codingPath),
                Message(
                    .planJSONWrongType,
                    ["problem": .text(context.debugDescription), "path": .text(pathText(context.codingPath))]))
        } catch let DecodingError.valueNotFound(_, context) {
            throw ScheduleError(
                file: path, line: line(context.codingPath),
                Message(.planJSONNull, ["path": .text(pathText(context.codingPath))]))
        } catch {
            throw ScheduleError(file: path, Message(.planJSONNotOurs, ["problem": .text("\(error)")]))
        }
    }

    private static func pathText(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
