import Feeds
import Foundation
import GTFS
import ICalendar
import Itinerary
import Messages
import Timeline
import Travel

/// A schedule folder loaded and checked: the plan file, the timetable, and the problem to solve.
public struct Schedule: Sendable {
    /// The folder as the user named it.
    public var folder: String
    /// `plan.yaml`.
    public var planFile: PlanFile
    /// The timetable of the network.
    public var timetable: Timetable
    /// Staff, clients and their free time.
    public var problem: Problem
    /// Calendar problems tolerated in lenient mode, stale feeds and how files were read, as `file:line: message`.
    public var warningSentences: [Message]
    /// How each calendar feed was obtained.
    public var feedReports: [FeedReport]

    /// Door-to-door rules from the plan file.
    public var travelRules: TravelRules { problem.travelRules }

    /// The warnings in English (for logs and tests).
    public var warnings: [String] { warningSentences.map { $0.text(.en) } }

    /// A router over the schedule's timetable for its travel rules and planning days (`problem`'s), as the planner,
    /// the audit and the clash finder use it. Building one takes time: make it once per schedule.
    public func makeRouter() -> Router { problem.router(over: timetable) }
}

/// Reads a schedule folder: `plan.yaml`, `clients.csv`, the network, and every calendar feed (fetched together,
/// through the cache).
public struct ScheduleLoader: Sendable {
    /// How feeds are fetched and cached.
    public var feeds: FeedOptions
    /// When true, bad calendar lines are warnings instead of errors.
    public var lenient: Bool
    /// Hears (done, total) while feeds download.
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// A loader with feed options.
    public init(
        feeds: FeedOptions = FeedOptions(), lenient: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) {
        self.feeds = feeds
        self.lenient = lenient
        self.progress = progress
    }

    /// Loads the schedule in `folder`.
    public func load(folder: String) async throws(ScheduleError) -> Schedule {
        let (planFile, table, citations, readWarnings) = try readPlanAndCitations(folder: folder)
        var warnings = readWarnings
        let planPath = planFile.file
        try table.require(["id", "name", "city", "lat", "lon", "priority", "meeting_minutes", "calendar"])
        let placesTable = try planFile.places.map { (path) throws(ScheduleError) in
            try readListed(
                join(folder, path), key: "places", shown: path, line: planFile.placesLine, planFile: planFile,
                warnings: &warnings)
        }
        let networkPaths = planFile.network.map { join(folder, $0) }
        let timetable: Timetable
        do {
            // With only a travel matrix, the cities are those clients.csv and places.csv name.
            if networkPaths.isEmpty {
                timetable = try PlacesFile.citiesOnly(
                    zone: planFile.zone, tables: [table] + (placesTable.map { [$0] } ?? []))
            } else {
                timetable = try NetworkLoader.load(paths: networkPaths, cache: .standard)
            }
        } catch  where error.line == nil && networkPaths.contains(error.file) {
            let shown = planFile.network[networkPaths.firstIndex(of: error.file)!]
            throw ScheduleError(
                file: planPath, line: planFile.networkLine,
                Message(.networkAt, ["network": .text(shown), "text": .message(error.sentence)]))
        }
        // A week the timetable does not cover would plan every journey by car; stop and say which dates it covers.
        if let gap = timetable.coverage(of: planFile.days) {
            let remedy = gap.remedy(timetable: Message(.timetableCoveringWeek), inside: .planWeekInside)
            throw ScheduleError(
                file: planPath, line: planFile.weekLine,
                Message(.networkMissesWeek, ["gap": .message(gap.summary), "remedy": .message(remedy)]))
        }
        let zone = planFile.zone
        let workingDays = planFile.workingDays
        let period = planFile.period
        let clientsPath = table.file
        var fetched = try await ScheduleFeeds(
            options: feeds, planFile: planFile, folder: folder, lenient: lenient, progress: progress
        )
        .fetch(citations, window: period)
        // Unknown columns are ignored, as the format says; one that looks like a misspelt known column is said.
        for column in table.header where !column.isEmpty && !Self.clientColumns.contains(column) {
            if let close = Suggestion.closest(to: column, in: Self.clientColumns) {
                warnings.append(
                    Message.at(
                        clientsPath, line: 1, Message(.columnIgnored, ["column": .text(column), "close": .text(close)]))
                )
            }
        }

        struct WorkingKind: Hashable {
            var usual: DailyHours
            var byWeekday: [Weekday: DailyHours]
            var daysOff: [LocalDate]
        }
        var workingByKind: [WorkingKind: IntervalSet] = [:]
        var staff: [Staff] = []
        var staffHours: [String: IntervalSet] = [:]
        staff.reserveCapacity(planFile.staff.count)
        for entry in planFile.staff {
            guard let city = timetable.cities[entry.home] else {
                throw ScheduleError(file: planPath, line: entry.homeLine, unknownCity(entry.home, timetable))
            }
            let home = Place(cityID: city.id, coordinate: city.coordinate, label: "home")
            var busy = IntervalSet()
            var ownEvents: [OwnEvent] = []
            var calls = IntervalSet()
            // Most people share their hours and days off: their working time is worked out once per kind.
            let kind = WorkingKind(usual: entry.workingHours, byWeekday: entry.weekdayHours, daysOff: entry.daysOff)
            let working =
                workingByKind[kind]
                ?? IntervalSet(
                    workingDays.filter { !entry.daysOff.contains($0) }.flatMap { day in
                        (entry.weekdayHours[day.weekday] ?? entry.workingHours).intervals(on: [day], in: zone).intervals
                    })
            workingByKind[kind] = working
            staffHours[entry.id] = working
            if let location = entry.calendar {
                var diagnostics: [Diagnostic] = []
                let calendar = fetched.calendars[location]!
                busy = calendar.busy(in: period, floating: zone, diagnostics: &diagnostics)
                fetched.warn(diagnostics, location: location)
                (ownEvents, calls) = OwnEventPlaces.events(
                    of: calendar, in: period, zone: zone, home: home, working: working, cities: timetable.cities)
            }
            var person = Staff(
                id: entry.id, name: entry.name,
                home: home,
                workingHours: entry.workingHours, travelHours: entry.travelHours,
                dailyTravelCapMinutes: entry.dailyTravelCapMinutes, busy: busy,
                availability: working.subtracting(busy),
                daysOff: Set(entry.daysOff), maxNightsAway: entry.maxNights, maxCost: entry.maxCost,
                languages: Set(entry.languages), sectors: Set(entry.sectors), weekdayHours: entry.weekdayHours)
            person.ownEvents = ownEvents
            person.calls = calls
            person.email = entry.email
            staff.append(person)
        }

        // Clients often share a feed (a group's calendar) and hours: each is expanded once, not once a client.
        var facts: [String: (published: PublishedAvailability?, busy: [BusyEvent])] = [:]
        var hoursByKey: [DailyHours: IntervalSet] = [:]
        let span = workingDays.first.map { Interval(zone.day($0).start, zone.day(workingDays.last!).end) } ?? period
        func calendarFacts(_ feed: String, _ calendar: VCalendar, hours: DailyHours) -> ClientCalendar {
            let open = hoursByKey[hours] ?? hours.intervals(on: workingDays, in: zone)
            hoursByKey[hours] = open
            if let known = facts[feed] {
                return ClientCalendar(hours: open, published: known.published, busy: known.busy)
            }
            var diagnostics: [Diagnostic] = []
            let published = calendar.publishedAvailability(in: span, floating: zone).map {
                PublishedAvailability(covered: $0.covered, available: $0.available)
            }
            // Events not expanded exactly are one occurrence over their whole span (and warned about): busy.
            let busy =
                calendar.occurrences(in: period, floating: zone, diagnostics: &diagnostics).filter(\.isBusy)
                .map { BusyEvent(interval: $0.interval, summary: $0.summary ?? "", uid: $0.uid) }
                + calendar.freeBusy.map { BusyEvent(interval: $0, summary: "") }
            fetched.warn(diagnostics, location: feed)
            facts[feed] = (published, busy)
            return ClientCalendar(hours: open, published: published, busy: busy)
        }
        let staffNames = Dictionary(planFile.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var clients: [Client] = []
        var order: [(id: String, after: [String], line: Int)] = []
        var lineOfID: [String: Int] = [:]
        let context = ClientRules.Context(planFile: planFile)
        guard !table.rows.isEmpty else {
            throw ScheduleError(file: clientsPath, line: 1, Message(.noClients))
        }
        for row in table.rows {
            let id = try table.value(row, "id")
            guard Identifier.isValid(id) else {
                throw ScheduleError(file: clientsPath, line: row.line, Message.invalidID(.idClient, id))
            }
            if let first = lineOfID.updateValue(row.line, forKey: id) {
                throw ScheduleError(
                    file: clientsPath, line: row.line,
                    Message(.clientIDTwice, ["id": .text(id), "first": .number(first)]))
            }
            let cityID = try table.value(row, "city")
            guard timetable.cities[cityID] != nil else {
                throw ScheduleError(file: clientsPath, line: row.line, unknownCity(cityID, timetable))
            }
            var hours = planFile.businessHours
            if let text = row["business_hours"] {
                guard let parsed = DailyHours(text) else {
                    throw ScheduleError(
                        file: clientsPath, line: row.line, Message(.badBusinessHours, ["text": .text(text)]))
                }
                hours = parsed
            }
            let mustVisit = try flag(row["must_visit"], table: table, row: row)
            let feed = try table.value(row, "calendar")
            let calendar = calendarFacts(feed, fetched.calendars[feed]!, hours: hours)
            let name = try table.value(row, "name")
            let rules = try ClientRules(row: row, table: table, context: context)
            order.append((id, rules.after, row.line))
            clients.append(
                Client(
                    id: id, name: name,
                    place: Place(
                        cityID: cityID,
                        coordinate: Coordinate(
                            lat: try table.decimal(row, "lat", in: -90...90),
                            lon: try table.decimal(row, "lon", in: -180...180)),
                        label: name, id: id),
                    address: row["address"] ?? "", priority: try table.integer(row, "priority", in: 1...10),
                    meetingMinutes: try table.integer(row, "meeting_minutes", in: 5...720), mustVisit: mustVisit,
                    sector: row["sector"] ?? "",
                    calendar: calendar, eligible: rules.eligible,
                    language: rules.language, with: rules.with, earliestDay: rules.earliestDay,
                    latestDay: rules.latestDay,
                    after: rules.after, pinnedStart: rules.pinnedStart))
            try PinnedVisitCheck.check(
                &clients[clients.count - 1], line: row.line, file: clientsPath,
                clientHours: hours.intervals(on: workingDays, in: zone),
                staffHours: staffHours, staffNames: staffNames, feed: fetched.shown[feed] ?? feed, zone: zone)
            clients[clients.count - 1].company = row["company"].flatMap { $0.isEmpty ? nil : $0 }
            clients[clients.count - 1].contact = row["contact"] ?? ""
            clients[clients.count - 1].mode = rules.mode
            clients[clients.count - 1].email = row["email"] ?? ""
            clients[clients.count - 1].preferredTime = rules.preferredTime
        }
        try ClientRules.checkOrder(order, file: clientsPath)
        var problem = Problem(
            name: planFile.name, zone: zone, days: planFile.days, staff: staff, clients: clients,
            travelRules: planFile.travelRules,
            hotelCost: planFile.hotelCost)
        problem.team = planFile.team ?? (RelativePath.absolute(folder) as NSString).lastPathComponent
        try addPlaces(
            to: &problem, planFile: planFile, folder: folder, placesTable: placesTable, clientLines: lineOfID,
            clientsFile: clientsPath,
            timetable: timetable, warnings: &warnings)
        // Slots clients accepted (`tiaoqi offer --reply`) are booked visits.
        let offers = try OfferBook.read(folder: folder)
        warnings += problem.book(offers.accepted, file: join(folder, OfferBook.fileName))
        return Schedule(
            folder: folder, planFile: planFile, timetable: timetable, problem: problem,
            warningSentences: fetched.warnings + warnings, feedReports: fetched.reports)
    }

    /// The columns of clients.csv (docs/FORMATS.md).
    static let clientColumns = [
        "id", "name", "city", "address", "lat", "lon", "priority", "meeting_minutes", "calendar", "must_visit",
        "business_hours", "sector",
        "eligible", "language", "with", "earliest_day", "latest_day", "after", "pinned", "company", "contact", "why",
        "mode", "preferred_time", "email",
    ]

    private func flag(_ text: String?, table: CSVTable, row: CSVTable.Row) throws(ScheduleError) -> Bool {
        switch text?.lowercased() {
        case nil, "", "no", "false", "0", "否", "n": return false
        case "yes", "true", "1", "是", "y": return true
        default: throw ScheduleError(file: table.file, line: row.line, Message(.badMustVisit, ["text": .text(text!)]))
        }
    }

    private func unknownCity(_ id: String, _ timetable: Timetable) -> Message {
        let close = timetable.citiesResembling(id).prefix(5).map(\.id)
        let hint =
            close.isEmpty
            ? Message(.knownCities, ["cities": .names(timetable.cities.keys.sorted())])
            : Message(.didYouMean, ["names": .names(Array(close))])
        return Message(.unknownCity, ["city": .text(id), "hint": .message(hint)])
    }

    /// Fetches every feed the schedule in `folder` needs, without building the problem (for `tiaoqi fetch`).
    public func fetchFeeds(folder: String) async throws(ScheduleError) -> [FeedReport] {
        let (planFile, _, citations, _) = try readPlanAndCitations(folder: folder)
        return try await ScheduleFeeds(
            options: feeds, planFile: planFile, folder: folder, lenient: true, progress: progress
        )
        .fetch(citations, window: planFile.period, failHard: false).reports
    }

    /// `plan.yaml`, `clients.csv`, every calendar they name with the line naming it, and warnings on how clients.csv
    /// was read (an encoding detected).
    func readPlanAndCitations(folder: String) throws(ScheduleError) -> (
        PlanFile, CSVTable, [FeedCitation], [Message]
    ) {
        let planFile = try PlanFile.read(folder: folder)
        var warnings: [Message] = []
        let clientsPath = join(folder, planFile.clients)
        let table = try CSVTable(
            text: try readCSVText(clientsPath, shown: clientsPath, planFile: planFile, warnings: &warnings),
            file: clientsPath)
        try table.require(["calendar"])
        var citations = planFile.staff.compactMap { entry in
            entry.calendar.map { FeedCitation(location: $0, file: planFile.file, line: entry.calendarLine) }
        }
        for row in table.rows {
            citations.append(FeedCitation(location: try table.value(row, "calendar"), file: table.file, line: row.line))
        }
        return (planFile, table, citations, warnings)
    }

    /// The text of a CSV file the schedule reads, in plan.yaml's `encoding:` (or detected: a warning says when it was
    /// read as GB18030, and how to declare it).
    func readCSVText(_ path: String, shown: String, planFile: PlanFile, warnings: inout [Message]) throws(ScheduleError)
        -> String
    {
        let decoded = try InputText.read(path, shown: shown, encoding: planFile.encoding)
        if decoded.detected {
            warnings.append(Message.at(shown, Message(.csvReadAsGB18030, ["plan": .text(planFile.file)])))
        } else if decoded.declaredButUTF8 {
            warnings.append(
                Message.at(
                    shown,
                    Message(
                        .csvDeclaredGB18030,
                        ["plan": .text(planFile.file), "line": .number(planFile.encodingLine)])))
        }
        return decoded.text
    }

    func join(_ folder: String, _ path: String) -> String {
        path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
    }
}
