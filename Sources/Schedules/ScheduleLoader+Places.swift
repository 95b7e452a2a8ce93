import Foundation
import GTFS
import Itinerary
import Messages
import Travel

extension ScheduleLoader {
    /// Adds what `places:`, `travel_matrix:` and the staff's `start`, `finish` and `finish_by` say to `problem`, and
    /// the meeting start step.
    func addPlaces(
        to problem: inout Problem, planFile: PlanFile, folder: String, placesTable: CSVTable?,
        clientLines: [String: Int], clientsFile: String,
        timetable: Timetable, warnings: inout [Message]
    ) throws(ScheduleError) {
        let planPath = planFile.file
        var places: [String: Place] = [:]
        if let placesTable {
            places = try PlacesFile.places(
                placesTable, clientLines: clientLines, clientsFile: clientsFile, timetable: timetable)
        }
        for client in problem.clients { places[client.id] = client.place }
        let ids = places.keys.sorted()
        func place(_ id: String, key: String, line: Int) throws(ScheduleError) -> Place {
            if let known = places[id] { return known }
            let hint =
                Suggestion.closest(to: id, in: ids).map { Message(.didYouMeanQuoted, ["name": .text($0)]) }
                ?? Message(.usePlaceOrClientID)
            throw ScheduleError(
                file: planPath, line: line,
                Message(.unknownPlace, ["key": .text(key), "id": .text(id), "hint": .message(hint)]))
        }
        for (index, entry) in planFile.staff.enumerated() {
            precondition(problem.staff[index].id == entry.id)
            problem.staff[index].start = try entry.start.map { (id) throws(ScheduleError) in
                try place(id, key: "start", line: entry.startLine)
            }
            problem.staff[index].finish = try entry.finish.map { (id) throws(ScheduleError) in
                try place(id, key: "finish", line: entry.finishLine)
            }
            problem.staff[index].finishBy = entry.finishBy
        }
        if let path = planFile.travelMatrix {
            let full = join(folder, path)
            guard FileManager.default.isReadableFile(atPath: full) else {
                throw ScheduleError(
                    file: planPath, line: planFile.travelMatrixLine,
                    Message(.listedFileUnreadable, ["key": "travel_matrix", "path": .text(path)]))
            }
            problem.travelMatrix = try TravelMatrixFile.read(
                text: try readCSVText(full, shown: full, planFile: planFile, warnings: &warnings), shown: full,
                ids: Set(ids))
        }
        problem.meetingStartStep = Int64(planFile.meetingStartStepSeconds)
        problem.meetingLink = planFile.meetingLink
        problem.wishes = planFile.wishes
    }

    /// A CSV file plan.yaml names under `key`: an unreadable one is an error at that line of plan.yaml.
    func readListed(
        _ full: String, key: String, shown: String, line: Int, planFile: PlanFile, warnings: inout [Message]
    ) throws(ScheduleError) -> CSVTable {
        guard FileManager.default.isReadableFile(atPath: full) else {
            throw ScheduleError(
                file: planFile.file, line: line,
                Message(.listedFileUnreadable, ["key": .text(key), "path": .text(shown)]))
        }
        return try CSVTable(
            text: try readCSVText(full, shown: full, planFile: planFile, warnings: &warnings), file: full)
    }
}
