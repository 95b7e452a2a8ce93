import Itinerary
import Schedules
import Store
import Timeline

/// A schedule folder as records of the bureau's store: its team, its staff, its clients and their companies.
public enum ScheduleImport {
    /// The records `files` hold. People already in the store (`known`) keep their team and whether they lead: a
    /// deputy director lent to a district stays in their own team.
    public static func records(from files: ScheduleFiles, known: [Person] = []) -> RecordBatch {
        let known = Dictionary(known.map { ($0.id, $0) }) { a, _ in a }
        var batch = RecordBatch(
            teams: [
                Team(
                    id: files.teamID, name: files.teamName, timeZone: files.planFile.zone.identifier,
                    scheduleFolder: files.folder, planTemplate: files.planText)
            ])
        batch.staff = files.planFile.staff.map { entry in
            Person(
                id: entry.id, name: entry.name, teamID: known[entry.id]?.teamID ?? files.teamID, home: entry.home,
                isLeader: known[entry.id]?.isLeader ?? false)
        }
        var companies: [String: Company] = [:]
        for client in files.clients {
            let key = Client.companyKey(name: client.name, company: client.company)
            if companies[key] == nil {
                let code = client.company.flatMap { isCreditCode($0) ? $0 : nil }
                companies[key] = Company(
                    id: key, name: client.name, creditCode: code, group: code == nil ? client.company : nil)
            }
            batch.clients.append(
                ClientSite(
                    id: client.id, companyID: key, name: client.name, city: client.city, address: client.address,
                    lat: client.lat, lon: client.lon, contact: client.contact, calendar: client.calendar,
                    sector: client.sector))
        }
        batch.companies = companies.values.sorted { $0.id < $1.id }
        return batch
    }

    /// Whether `text` has the shape of a unified social credit code (统一社会信用代码): 18 digits and capital letters.
    static func isCreditCode(_ text: String) -> Bool {
        text.utf8.count == 18 && text.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
    }
}
