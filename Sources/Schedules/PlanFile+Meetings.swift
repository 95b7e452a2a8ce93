import GTFS
import Itinerary
import Messages
import Yams

extension PlanFile {
    /// Reads `online:` (the meeting link pattern) and `wishes:` (docs/FORMATS.md).
    static func meetings(_ top: YAMLMapping, reader: YAMLReader) throws(ScheduleError) -> (MeetingLink?, Wishes) {
        var link: MeetingLink?
        if let node = top["online"] {
            let online = try reader.mapping(node, "online")
            try reader.checkKeys(online, PlanKeys.online)
            if let template = try reader.string(online, "link", optional: true) {
                guard template.contains("://"), !template.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                    throw ScheduleError(
                        file: reader.file, line: online.line(of: "link"),
                        Message(.badMeetingLink, ["text": .text(template)]))
                }
                link = MeetingLink(template: template)
            }
        }
        var wishes = Wishes()
        if let node = top["wishes"] {
            let map = try reader.mapping(node, "wishes")
            try reader.checkKeys(map, PlanKeys.wishes)
            wishes.inPersonMinutes = try reader.integer(map, "in_person", in: 0...10_000) ?? wishes.inPersonMinutes
        }
        return (link, wishes)
    }
}
