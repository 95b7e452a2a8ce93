import Timeline

/// Adds up a period's visits, day by day, into what the bureau's report reads: the visits counted, counted by
/// leader, and the days people spent away from home.
///
/// SQL lists each day's visits as one string (`BureauStore.periodVisits`) and this tally reads them. On ten years of
/// a 50-person bureau, joining a year's visits to their sites, attendees and projects in SQL and grouping them
/// three ways took longer than the whole report may take; one pass over the visits, with the sites, staff and
/// projects in memory, does not.
///
/// Cities, sectors and stages are numbered (`Names`) while the visits are added: hashing a Chinese name costs a
/// Unicode normalisation each time, and a year's visits hashed them half a million times.
struct PeriodTally {
    /// What separates the visits of a day.
    static let visitSeparator: UInt8 = 0x1F
    /// What separates a visit's fields: status, team, site, project (empty without one), attendees.
    static let fieldSeparator: UInt8 = 0x1E
    /// What separates a visit's attendees (as `visits.attendees` holds them).
    static let attendeeSeparator = UInt8(ascii: " ")

    /// A site's place.
    struct Site {
        var city: String
        var sector: String
    }

    /// Names, each numbered once.
    private struct Names {
        private(set) var all: [String] = []
        private var numbers: [String: Int] = [:]

        mutating func number(_ name: String) -> Int {
            if let known = numbers[name] { return known }
            all.append(name)
            numbers[name] = all.count - 1
            return all.count - 1
        }
    }

    /// Visits alike: their status, team, site and project as listed (`fieldSeparator` between them), and for the
    /// counts by leader, the leader.
    private struct Kind: Hashable {
        var fields: String
        var leaderID: String?
    }

    /// Counts alike once their sites are placed: `VisitCount`'s fields with the city and sector numbered.
    private struct PlacedKind: Hashable {
        var leaderID: String?
        var teamID: String
        var projectID: String?
        var city: Int
        var sector: Int
        var status: VisitStatus
    }

    private var names = Names()
    /// Each site's city and sector.
    private let sites: [String: (city: Int, sector: Int)]
    /// Each person's home city.
    private let homes: [String: Int]
    private let leaders: Set<String>
    /// What a visit's project tells of it for the trips' detail.
    private let projectDetails: [String: Int]
    /// The stage of a visit without a project: none.
    private let noStage: Int
    private let scope: PeriodFacts.Scope
    private var counts: [Kind: Int] = [:]
    private var leaderCounts: [Kind: Int] = [:]
    /// The days away.
    private(set) var daysAway: [DayAway] = []

    /// A tally of nothing yet, which places visits with `sites`, `staff` and `projects` and reads what `scope` asks.
    init(sites: [String: Site], staff: [Person], projects: [Project], scope: PeriodFacts.Scope) {
        var names = Names()
        self.sites = sites.mapValues { (names.number($0.city), names.number($0.sector)) }
        homes = Dictionary(staff.map { ($0.id, names.number($0.home)) }) { a, _ in a }
        leaders = Set(staff.filter(\.isLeader).map(\.id))
        var details: [String: Int] = [:]
        for project in projects {
            switch scope.tripDetail {
            case .none: break
            case .stage: details[project.id] = names.number(project.stage.rawValue)
            case .sector where !project.sector.isEmpty: details[project.id] = names.number(project.sector)
            case .sector: break
            }
        }
        projectDetails = details
        noStage = names.number("")
        self.names = names
        self.scope = scope
    }

    /// Adds the visits of `day`, listed as `BureauStore.periodVisits` lists them.
    mutating func add(day: LocalDate, visits: String) throws {
        var visits = visits
        try visits.withUTF8 { try add(day: day, list: $0) }
    }

    // Reads the bytes in place: on a year of a bureau's visits, splitting the list into strings and arrays took
    // three times as long.
    private mutating func add(day: LocalDate, list: UnsafeBufferPointer<UInt8>) throws {
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: list[range]), as: UTF8.self)
        }
        var away: [String: (cities: Set<Int>, details: Set<Int>)] = [:]
        var start = 0
        while start < list.count {
            let end = list[start...].firstIndex(of: Self.visitSeparator) ?? list.count
            defer { start = end + 1 }
            // The field separators: status | team | site | project | attendees.
            var cuts: [Int] = []
            cuts.reserveCapacity(4)
            for index in start..<end where list[index] == Self.fieldSeparator {
                cuts.append(index)
                if cuts.count == 4 { break }
            }
            guard cuts.count == 4 else { throw RowError(column: "visits", value: text(start..<end)) }
            let kind = Kind(fields: text(start..<cuts[3]), leaderID: nil)
            counts[kind, default: 0] += 1
            var attendees: [String] = []
            var from = cuts[3] + 1
            while from < end {
                let to = list[from..<end].firstIndex(of: Self.attendeeSeparator) ?? end
                if to > from { attendees.append(text(from..<to)) }
                from = to + 1
            }
            if scope.byLeader {
                let attending: [String?] = attendees.filter { leaders.contains($0) }
                for leader in attending.isEmpty ? [nil] : attending {
                    leaderCounts[Kind(fields: kind.fields, leaderID: leader), default: 0] += 1
                }
            }
            guard text(start..<cuts[0]) == VisitStatus.done.rawValue, let site = sites[text(cuts[1] + 1..<cuts[2])]
            else { continue }
            let projectID = cuts[3] > cuts[2] + 1 ? text(cuts[2] + 1..<cuts[3]) : nil
            let detail: Int? =
                switch scope.tripDetail {
                case .none: nil
                case .stage: projectID.flatMap { projectDetails[$0] } ?? noStage
                case .sector: projectID.flatMap { projectDetails[$0] } ?? site.sector
                }
            for person in attendees {
                guard let home = homes[person], home != site.city else { continue }
                away[person, default: ([], [])].cities.insert(site.city)
                if let detail { away[person, default: ([], [])].details.insert(detail) }
            }
        }
        for (person, places) in away.sorted(by: { $0.key < $1.key }) {
            daysAway.append(
                DayAway(
                    staffID: person, day: day, cities: Set(places.cities.map { names.all[$0] }),
                    details: Set(places.details.map { names.all[$0] })))
        }
    }

    /// Every visit added, counted by team, project, the site's city and sector, and status.
    func visits() throws -> [VisitCount] { try placed(counts) }

    /// The visits added counted by leader (those no leader attended under none), when the scope asked; else empty.
    func leaderVisits() throws -> [VisitCount] { try placed(leaderCounts) }

    /// Counts of visits alike, with their sites' places, merged where the places are alike (in no set order).
    private func placed(_ counts: [Kind: Int]) throws -> [VisitCount] {
        var merged: [PlacedKind: Int] = [:]
        for (kind, count) in counts {
            let fields = kind.fields.utf8.split(separator: Self.fieldSeparator, omittingEmptySubsequences: false)
                .map { String(Substring($0)) }
            guard fields.count == 4, let status = VisitStatus(rawValue: fields[0]) else {
                throw RowError(column: "visits", value: kind.fields)
            }
            let site = sites[fields[2]]
            let key = PlacedKind(
                leaderID: kind.leaderID, teamID: fields[1], projectID: fields[3].isEmpty ? nil : fields[3],
                city: site?.city ?? -1, sector: site?.sector ?? -1, status: status)
            merged[key, default: 0] += count
        }
        func name(_ number: Int) -> String { number < 0 ? "" : names.all[number] }
        return merged.map { key, count in
            VisitCount(
                leaderID: key.leaderID, teamID: key.teamID, projectID: key.projectID, city: name(key.city),
                sector: name(key.sector), status: key.status, count: count)
        }
    }
}
