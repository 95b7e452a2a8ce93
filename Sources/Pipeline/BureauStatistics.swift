import Messages
import Reports
import Store
import Timeline

/// The bureau's figures for a period from what the store holds (`PeriodFacts`): visits, trips, leader-led
/// delegations, projects by stage, expected and signed investment, row by row, and the heat map of region × sector
/// against the targets.
public enum BureauStatistics {
    /// A trip: people visiting clients in person away from home on a run of consecutive days.
    struct Trip {
        var people: Set<String>
        var first: LocalDate
        var last: LocalDate
        var cities: Set<String>
        var details: Set<String>
    }

    /// What the facts must hold for rows by `grouping`: the detail of the days away, and counts by leader.
    public static func scope(_ grouping: BureauReport.Grouping) -> PeriodFacts.Scope {
        switch grouping {
        case .stage: PeriodFacts.Scope(tripDetail: .stage)
        case .sector: PeriodFacts.Scope(tripDetail: .sector)
        case .leader: PeriodFacts.Scope(byLeader: true)
        case .team, .region: PeriodFacts.Scope()
        }
    }

    /// The report of the days `from`…`to`, rows by `grouping`, from facts read with `scope(grouping)`.
    public static func report(_ facts: PeriodFacts, from: LocalDate, to: LocalDate, by grouping: BureauReport.Grouping)
        -> BureauReport
    {
        let stages = ProjectStage.allCases.map { BureauReport.Stage(id: $0.rawValue, label: $0.messageKey) }
        let projects = Dictionary(facts.projects.map { ($0.id, $0) }) { a, _ in a }
        let people = Dictionary(facts.staff.map { ($0.id, $0) }) { a, _ in a }
        func sector(_ project: String?, site: String) -> String {
            guard let project, let named = projects[project]?.sector, !named.isEmpty else { return site }
            return named
        }
        func region(_ city: String?) -> String { city.flatMap { facts.regions[$0] } ?? "" }
        func stage(_ project: String?) -> String { project.flatMap { projects[$0]?.stage.rawValue } ?? "" }

        var rows: [String: BureauReport.Figures] = [:]
        var total = BureauReport.Figures(stages: stages.count)
        func add(_ keys: some Sequence<String>, _ change: (inout BureauReport.Figures) -> Void) {
            for key in Set(keys) { change(&rows[key, default: BureauReport.Figures(stages: stages.count)]) }
        }

        // Visits: each counts once in its row (by leader: once for each leader who attended).
        for count in grouping == .leader ? facts.leaderVisits : facts.visits {
            let key: String =
                switch grouping {
                case .team: count.teamID
                case .leader: count.leaderID ?? ""
                case .stage: stage(count.projectID)
                case .sector: sector(count.projectID, site: count.sector)
                case .region: region(count.city)
                }
            add([key]) { tally(count, into: &$0) }
        }
        for count in facts.visits { tally(count, into: &total) }

        // Trips and delegations: each counts once in every row it touches.
        for trip in trips(facts.daysAway) {
            let leaders = trip.people.filter { people[$0]?.isLeader == true }
            let keys: [String] =
                switch grouping {
                case .team: trip.people.map { people[$0]?.teamID ?? "" }
                case .leader: leaders.isEmpty ? [""] : Array(leaders)
                case .stage, .sector: Array(trip.details)
                case .region: trip.cities.map { region($0) }
                }
            add(keys) { figures in
                figures.trips += 1
                if !leaders.isEmpty { figures.delegations += 1 }
            }
            total.trips += 1
            if !leaders.isEmpty { total.delegations += 1 }
        }

        // Projects as they stand, and those signed in the period.
        func keys(of project: Project) -> [String] {
            switch grouping {
            case .team: [project.owner.flatMap { people[$0]?.teamID } ?? ""]
            case .leader: [project.owner.flatMap { people[$0]?.isLeader == true ? $0 : nil } ?? ""]
            case .stage: [project.stage.rawValue]
            case .sector: [project.sector]
            case .region: [region(facts.projectCities[project.id])]
            }
        }
        for project in facts.projects {
            let count: (inout BureauReport.Figures) -> Void = { figures in
                figures.projects[project.stage.rank] += 1
                if !project.stage.isClosed { figures.expectedYuan += project.expectedYuan ?? 0 }
            }
            add(keys(of: project), count)
            count(&total)
        }
        for id in Set(facts.stageChanges.filter { $0.stage == .signed }.map(\.projectID)).sorted() {
            guard let project = projects[id] else { continue }
            let count: (inout BureauReport.Figures) -> Void = { figures in
                figures.signed += 1
                figures.signedYuan += project.expectedYuan ?? 0
            }
            add(keys(of: project), count)
            count(&total)
        }

        // Every team, leader, stage and target has its row, so that what was neglected shows as a row of zeros.
        let always: [String] =
            switch grouping {
            case .team: facts.teams.map(\.id)
            case .leader: facts.staff.filter(\.isLeader).map(\.id)
            case .stage: ProjectStage.allCases.map(\.rawValue)
            case .sector: facts.targets.filter { $0.kind == .sector }.map(\.name)
            case .region: facts.targets.filter { $0.kind == .region }.map(\.name)
            }
        add(always) { _ in }
        let teamNames = Dictionary(facts.teams.map { ($0.id, $0.name) }) { a, _ in a }
        let stageOrder = Dictionary(uniqueKeysWithValues: ProjectStage.allCases.map { ($0.rawValue, $0.rank) })
        let ordered = rows.sorted { a, b in
            if a.key.isEmpty != b.key.isEmpty { return b.key.isEmpty }
            if grouping == .stage { return (stageOrder[a.key] ?? 0) < (stageOrder[b.key] ?? 0) }
            return (a.value.visitsHeld, b.key) > (b.value.visitsHeld, a.key)
        }
        let reportRows = ordered.map { key, figures in
            let label: Message =
                if key.isEmpty {
                    Message(.reportNone)
                } else {
                    switch grouping {
                    case .team: .verbatim(teamNames[key] ?? key)
                    case .leader: .verbatim(people[key]?.name ?? key)
                    case .stage: ProjectStage(rawValue: key).map { Message($0.messageKey) } ?? .verbatim(key)
                    case .sector, .region: .verbatim(key)
                    }
                }
            return BureauReport.Row(key: key, label: label, figures: figures)
        }
        let map = heatMap(facts, sector: sector, region: region)
        return BureauReport(
            from: from, to: to, grouping: grouping, stages: stages, rows: reportRows, total: total,
            regions: map.regions, sectors: map.sectors, heat: map.cells)
    }

    /// Adds visits to figures by what became of them.
    static func tally(_ count: VisitCount, into figures: inout BureauReport.Figures) {
        switch count.status {
        case .done: figures.visitsHeld += count.count
        case .online:
            figures.visitsHeld += count.count
            figures.visitsOnline += count.count
        case .cancelled, .noShow: figures.visitsCalledOff += count.count
        case .planned: figures.visitsPlanned += count.count
        }
    }

    /// The trips of days away: each person's runs of consecutive days, then those of people who travelled together
    /// (the same days, the same cities) made one.
    static func trips(_ days: [DayAway]) -> [Trip] {
        var merged: [String: Trip] = [:]
        for (person, rows) in Dictionary(grouping: days, by: \.staffID) {
            var current: Trip?
            func close() {
                guard let trip = current else { return }
                let key = "\(trip.first) \(trip.last) \(trip.cities.sorted().joined(separator: " "))"
                if var known = merged[key] {
                    known.people.formUnion(trip.people)
                    known.details.formUnion(trip.details)
                    merged[key] = known
                } else {
                    merged[key] = trip
                }
                current = nil
            }
            for row in rows.sorted(by: { $0.day < $1.day }) {
                if let trip = current, row.day.days(since: trip.last) > 1 { close() }
                var trip =
                    current
                    ?? Trip(people: [person], first: row.day, last: row.day, cities: [], details: [])
                trip.last = max(trip.last, row.day)
                trip.cities.formUnion(row.cities)
                trip.details.formUnion(row.details)
                current = trip
            }
            close()
        }
        return merged.keys.sorted().compactMap { merged[$0] }
    }

    /// The heat map: visits held and open projects by region × sector, against the targets' weights.
    static func heatMap(
        _ facts: PeriodFacts, sector: (String?, String) -> String, region: (String?) -> String
    ) -> (regions: [String], sectors: [String], cells: [BureauReport.HeatCell]) {
        var visits: [String: [String: Int]] = [:]
        for count in facts.visits where count.status.wasHeld {
            let place = region(count.city)
            let chain = sector(count.projectID, count.sector)
            guard !place.isEmpty, !chain.isEmpty else { continue }
            visits[place, default: [:]][chain, default: 0] += count.count
        }
        var projects: [String: [String: Int]] = [:]
        for project in facts.projects where !project.stage.isClosed {
            let place = region(facts.projectCities[project.id])
            guard !place.isEmpty, !project.sector.isEmpty else { continue }
            projects[place, default: [:]][project.sector, default: 0] += 1
        }
        func axis(_ kind: Target.Kind, seen: Set<String>) -> (names: [String], weights: [String: Double]) {
            let targets = facts.targets.filter { $0.kind == kind && $0.weight > 0 }
            let sum = targets.map(\.weight).reduce(0, +)
            let named = targets.sorted { ($0.weight, $1.name) > ($1.weight, $0.name) }.map(\.name)
            let weights = Dictionary(targets.map { ($0.name, $0.weight / sum) }) { a, _ in a }
            return (named + seen.subtracting(named).sorted(), weights)
        }
        let regions = axis(.region, seen: Set(visits.keys).union(projects.keys))
        let sectors = axis(
            .sector, seen: Set(visits.values.flatMap(\.keys)).union(projects.values.flatMap(\.keys)))
        let held = visits.values.flatMap(\.values).reduce(0, +)
        var cells: [BureauReport.HeatCell] = []
        for place in regions.names {
            for chain in sectors.names {
                let count = visits[place]?[chain] ?? 0
                let target: Double? =
                    regions.weights.isEmpty || sectors.weights.isEmpty
                    ? nil : (regions.weights[place] ?? 0) * (sectors.weights[chain] ?? 0)
                cells.append(
                    BureauReport.HeatCell(
                        region: place, sector: chain, visits: count, projects: projects[place]?[chain] ?? 0,
                        visitShare: held == 0 ? 0 : Double(count) / Double(held), targetShare: target))
            }
        }
        return (regions.names, sectors.names, cells)
    }
}
