import Audit
import Foundation
import GTFS
import Itinerary
import Messages
import Travel

/// Loading a plan set from files: plan.json files with their schedule folders, and hand-made `.ics` weeks.
extension PlanSet {
    /// The plan.json files and the hand-made `.ics` weeks that `paths` name, read as `load` reads them; a file named
    /// twice (or through a link) once.
    public static func files(_ paths: [String]) throws(ScheduleError) -> (plans: [String], calendars: [String]) {
        var planFiles: [String] = []
        var calendarFiles: [String] = []
        for path in paths {
            try collect((path as NSString).standardizingPath, plans: &planFiles, calendars: &calendarFiles, depth: 0)
        }
        func once(_ files: [String]) -> [String] {
            var seen: Set<String> = []
            return files.filter { seen.insert(URL(fileURLWithPath: $0).resolvingSymlinksInPath().path).inserted }
        }
        return (once(planFiles), once(calendarFiles))
    }

    /// Reads `paths`: a `plan.json`, an `.ics` (a week by hand), or a folder. A folder with a `plan.json` is that plan
    /// (the `.ics` files beside it are its exports); any other folder holds hand-made `.ics` weeks and sub-folders
    /// read the same way.
    public static func load(_ paths: [String], loader: ScheduleLoader) async throws(ScheduleError) -> PlanSet {
        let (planFiles, calendarFiles) = try files(paths)
        guard !planFiles.isEmpty else {
            throw ScheduleError(
                file: paths.first ?? ".",
                Message(.noPlanJSON))
        }
        var schedules: [String: Schedule] = [:]
        var set = PlanSet(plans: [])
        for file in planFiles {
            let plan = try PlanJSON.decode(contentsOf: file)
            let folder = (file as NSString).deletingLastPathComponent
            guard let recorded = plan.schedule else {
                throw ScheduleError(
                    file: file, Message(.planWithoutSchedule))
            }
            let scheduleFolder = RelativePath.of(
                RelativePath.resolve(recorded, against: folder.isEmpty ? "." : folder), from: ".")
            if schedules[scheduleFolder] == nil {
                let schedule = try await loader.load(folder: scheduleFolder)
                schedules[scheduleFolder] = schedule
                set.warnings += schedule.warningSentences
            }
            let schedule = schedules[scheduleFolder]!
            set.plans.append(
                Entry(
                    team: plan.team ?? schedule.problem.team ?? scheduleFolder, source: file, schedule: scheduleFolder,
                    plan: plan,
                    problem: schedule.problem, timetable: schedule.timetable))
        }
        let first = set.plans[0]
        let staff = set.plans.flatMap(\.problem.staff)
        let clients = set.plans.flatMap(\.problem.clients)
        for file in calendarFiles {
            let (calendar, warnings) = try await CalendarSource.read(file, strict: !loader.lenient, feeds: loader.feeds)
            set.warnings += warnings
            set.handPlans.append(
                try HandPlanReader.read(
                    calendar, file: file, period: first.problem.period, zone: first.problem.zone, staff: staff,
                    clients: clients,
                    cities: first.timetable.cities.values.sorted { $0.id < $1.id }))
        }
        return set
    }

    private static func collect(_ path: String, plans: inout [String], calendars: inout [String], depth: Int)
        throws(ScheduleError)
    {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ScheduleError(
                file: path, Message(.noSuchPlanInput))
        }
        guard isFolder.boolValue else {
            if path.lowercased().hasSuffix(".ics") { calendars.append(path) } else { plans.append(path) }
            return
        }
        let plan = (path as NSString).appendingPathComponent("plan.json")
        if FileManager.default.fileExists(atPath: plan) {
            plans.append(plan)
            return
        }
        guard depth < 4 else { return }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
        for name in names {
            let child = (path as NSString).appendingPathComponent(name)
            var childIsFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: child, isDirectory: &childIsFolder), childIsFolder.boolValue {
                try collect(child, plans: &plans, calendars: &calendars, depth: depth + 1)
            } else if name.lowercased().hasSuffix(".ics") {
                calendars.append(child)
            }
        }
    }
}

/// Company keys by client id or name, from a CSV with the columns `client` (an id or a name) and `company` (a credit
/// code or a group name): clients with the same key count as one company when teams court it.
public enum CompanyKeys {
    /// The keys in `path`; a row without both columns is an error at its line.
    public static func read(_ path: String) throws(ScheduleError) -> [String: String] {
        let table = try CSVTable(contentsOf: path)
        try table.require(["client", "company"])
        var keys: [String: String] = [:]
        for row in table.rows {
            keys[try table.value(row, "client")] = try table.value(row, "company")
        }
        return keys
    }
}
