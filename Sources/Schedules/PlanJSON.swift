import Feeds
import Foundation
import Itinerary

/// `plan.json`: the plan as snake_case JSON with sorted keys, so equal plans are equal bytes.
public enum PlanJSON {
    /// The JSON bytes of a plan, or of any report written the same way (snake_case, sorted keys, pretty).
    public static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding these value types cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }

    /// Reads a plan file; errors name the file and what is wrong.
    public static func decode(contentsOf path: String) throws(ScheduleError) -> Plan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScheduleError(file: path, "cannot read the plan file; check the path")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Plan.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ScheduleError(file: path, "\(context.debugDescription) at \(pathText(context.codingPath))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ScheduleError(file: path, "missing '\(key.stringValue)' at \(pathText(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ScheduleError(file: path, "wrong type at \(pathText(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw ScheduleError(file: path, "is not a Tiaoqi plan.json: \(error)")
        }
    }

    private static func pathText(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// Writes output files whole: through `AtomicWrite`, creating the folder first, with errors that name the file.
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating the folder if needed.
    public static func write(_ data: Data, to path: String) throws(ScheduleError) {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicWrite.write(data, to: path)
        } catch {
            throw ScheduleError(file: path, "cannot write: \(error.localizedDescription)")
        }
    }
}
