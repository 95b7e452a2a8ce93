import Foundation
import Itinerary

/// `plan.json`: the plan as snake_case JSON with sorted keys, so equal plans are equal bytes.
public enum PlanJSON {
    /// The JSON bytes of a plan.
    public static func encode(_ plan: Plan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding these value types cannot fail.
        return (try? encoder.encode(plan)) ?? Data()
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

/// Writes files so that a reader never sees half of one: a temporary file in the same folder, then a rename.
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating the folder if needed.
    public static func write(_ data: Data, to path: String) throws(ScheduleError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw ScheduleError(file: path, "cannot write: \(reason)")
            }
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(file: path, "cannot write: \(error.localizedDescription)")
        }
    }
}
