import Foundation
import GTFS
import Itinerary
import Messages
import Timeline

/// `offers.json` in a schedule folder: the slots offered to clients (`tiaoqi offer --invite`) and what the clients
/// answered (`tiaoqi offer --reply`). An accepted slot is a booked visit: the schedule loader pins it, so the next
/// `tiaoqi plan` (with `--keep` or not) holds the meeting then, with that officer.
public struct OfferBook: Sendable, Codable, Hashable {
    /// Format version.
    public var version = 1
    /// Every slot offered, oldest first.
    public var offers: [Offer] = []

    /// An empty book.
    public init() {}

    /// The file's name in a schedule folder.
    public static let fileName = "offers.json"

    /// The book of the schedule in `folder`: empty when it has none.
    public static func read(folder: String) throws(ScheduleError) -> OfferBook {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return OfferBook() }
        let text = try InputText.read(path)
        if let (line, problem) = JSONLines.syntaxError(in: text) {
            throw ScheduleError(file: path, line: line, Message(.offersInvalid, ["problem": .text(problem)]))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            let book = try decoder.decode(OfferBook.self, from: Data(text.utf8))
            guard book.version == 1 else {
                throw ScheduleError(
                    file: path, line: JSONLines.line(of: ["version"], in: text),
                    Message(.offersVersion, ["version": .number(book.version)]))
            }
            return book
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(file: path, Message(.offersInvalid, ["problem": .text("\(error)")]))
        }
    }

    /// Writes the book into `folder` whole or not at all (a temporary file renamed over the old one).
    public func write(folder: String) throws(ScheduleError) {
        try OutputFolder.writeWhole(
            PlanJSON.encode(self), to: (folder as NSString).appendingPathComponent(Self.fileName))
    }

    /// The accepted slots, the latest answer per client.
    public var accepted: [Offer] {
        var latest: [String: Offer] = [:]
        for offer in offers where offer.status == .accepted { latest[offer.client] = offer }
        return latest.values.sorted { ($0.start, $0.client) < ($1.start, $1.client) }
    }

    /// Records a new invitation's slots; the client's earlier slots still open are withdrawn.
    public mutating func invite(_ slots: [Offer]) {
        let clients = Set(slots.map(\.client))
        for index in offers.indices where clients.contains(offers[index].client) && offers[index].status == .offered {
            offers[index].status = .withdrawn
        }
        offers += slots
    }
}

extension Problem {
    /// The problem with the slots clients accepted booked: each such client is met then, by that officer, in that
    /// mode; the client's own calendar event for it (the same UID) is not busy time. A client already pinned in
    /// clients.csv keeps that booking, and a slot naming an unknown client or officer is skipped: both are warned
    /// about.
    public mutating func book(_ accepted: [Offer], file: String) -> [Message] {
        var warnings: [Message] = []
        let staffIDs = Set(staff.map(\.id))
        for offer in accepted {
            guard let index = clients.firstIndex(where: { $0.id == offer.client }), staffIDs.contains(offer.staff)
            else {
                warnings.append(
                    Message.at(
                        file,
                        Message(.offerAcceptedUnknown, ["client": .text(offer.client), "staff": .text(offer.staff)])))
                continue
            }
            guard clients[index].pinnedStart == nil else {
                warnings.append(Message.at(file, Message(.offerAcceptedButPinned, ["client": .text(offer.client)])))
                continue
            }
            var calendar = clients[index].calendar
            calendar.busy.removeAll { $0.uid == offer.uid }
            clients[index].calendar = calendar
            clients[index].pinnedStart = offer.start
            clients[index].meetingMinutes = Int((offer.end - offer.start) / 60)
            // The officer leads; whoever must attend besides goes too, as the slot was timed.
            clients[index].with = [offer.staff] + clients[index].with.filter { $0 != offer.staff }
            clients[index].mode = offer.mode == .online ? .online : .inPerson
        }
        return warnings
    }
}
