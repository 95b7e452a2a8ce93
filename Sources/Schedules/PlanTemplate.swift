import Foundation
import GTFS
import Messages
import Timeline
import Yams

/// A team's plan.yaml made over for another week: the same staff, rules and network, the week's dates, the clients
/// file beside it, and every path the team's own folder held made absolute, so the new folder can live anywhere.
public enum PlanTemplate {
    /// `text` (plan.yaml as imported from `folder`) for the week `start`…`end`, titled `name`, its clients in
    /// `clients.csv`. The
    /// CSV files Tiaoqi writes are UTF-8, so an `encoding:` goes (other CSV files it names are detected again).
    public static func week(
        _ text: String, folder: String, name: String, start: LocalDate, end: LocalDate, publishedVersion: Int? = nil
    ) throws(ScheduleError) -> String {
        let file = (folder as NSString).appendingPathComponent("plan.yaml")
        guard let root = try? Yams.compose(yaml: text), let top = root.mapping else {
            throw ScheduleError(file: file, Message(.templateNotMapping))
        }
        func path(_ node: Node) -> Node {
            guard let text = node.scalar?.string, !text.contains("://") else { return node }
            return Node(RelativePath.resolve(text, against: folder))
        }
        var pairs: [(Node, Node)] = []
        for (key, value) in top {
            switch key.scalar?.string {
            case "week":
                pairs.append(
                    (key, Node([(Node("start"), Node(start.description)), (Node("end"), Node(end.description))])))
            case "clients": pairs.append((key, Node("clients.csv")))
            case "encoding", "published_version": continue
            case "network":
                pairs.append((key, value.sequence.map { Node($0.map(path)) } ?? path(value)))
            case "places", "travel_matrix", "credentials_file": pairs.append((key, path(value)))
            case "staff":
                let staff = (value.sequence ?? []).map { entry -> Node in
                    guard let person = entry.mapping else { return entry }
                    return Node(
                        person.map { ($0.key, $0.key.scalar?.string == "calendar" ? path($0.value) : $0.value) })
                }
                pairs.append((key, Node(staff)))
            default: pairs.append((key, value))
            }
        }
        if let publishedVersion { pairs.append((Node("published_version"), Node(String(publishedVersion)))) }
        guard let written = try? Yams.serialize(node: Node(pairs), allowUnicode: true) else {
            throw ScheduleError(file: file, Message(.templateNotWritten))
        }
        return written
    }
}
