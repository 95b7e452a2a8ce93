import ArgumentParser
import Foundation
import GTFS
import ICalendar
import Itinerary
import Messages
import Planner
import Reports
import Schedules
import Timeline

/// `tiaoqi offer CLIENT --staff ID`: the slots in which an officer could meet a client given the current plan; with
/// `--invite`, an iTIP invitation holding them; `tiaoqi offer --reply FILE` books the slot the client accepted.
struct OfferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer",
        abstract: "Offer a client the slots an officer could really meet them in; book the one they accept.")

    @Argument(help: "The client's id (from clients.csv).")
    var client: String?

    @Option(name: .long, help: "The officer who would lead the visit (a staff id from plan.yaml).")
    var staff: String?

    @Option(
        name: .long, help: "The current plan.json (default: an empty week); its schedule is used unless --schedule.")
    var plan: String?

    @Option(name: .long, help: "The schedule folder (default: the one the plan was made from).")
    var schedule: String?

    @Option(name: .long, help: "How many slots to offer, spread over the week.")
    var count: Int = 3

    @Option(name: .long, help: "Write an iTIP REQUEST invitation holding the slots (tentative) to this .ics file.")
    var invite: String?

    @Option(
        name: .long,
        help:
            "Read the client's iTIP REPLY and book the slot it accepts for the next plan, or its COUNTER and book the time it proposes when the week (--plan) takes it."
    )
    var reply: String?

    @Option(
        name: .long,
        help:
            "With --reply: write the organizer's iTIP answers for the client's calendar into this folder: confirm.ics (the booked slot), cancel.ics (the other holds), decline-counter.ics (a proposal the week cannot take)."
    )
    var answer: String?

    @Option(name: .long, help: "Output on stdout: table or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Language of the output and the invitation: zh or en (default: from the locale).")
    var lang: ReportLanguageOption?

    @Flag(name: .long, help: "Skip calendar lines that cannot be read (with a warning) instead of stopping.")
    var lenient = false

    @OptionGroup var feeds: FeedFlags

    func validate() throws {
        guard (1...50).contains(count) else { throw ValidationError("--count must be from 1 to 50") }
        if answer != nil && reply == nil { throw ValidationError("--answer answers a reply: give --reply FILE too") }
    }

    func run() async throws {
        let language = lang?.language ?? .fromEnvironment()
        // No slot at all, or a counter-proposal the week cannot take, needs a human: another officer, another week,
        // or the client's calendar.
        let needsHuman: Bool
        do throws(ScheduleError) {
            let decoded = try plan.map { (path) throws(ScheduleError) in try PlanJSON.decode(contentsOf: path) }
            let planFolder = plan.map { ($0 as NSString).deletingLastPathComponent } ?? "."
            guard
                let folder = schedule
                    ?? decoded?.schedule.map({
                        RelativePath.resolve($0, against: planFolder.isEmpty ? "." : planFolder)
                    })
            else {
                throw ScheduleError(file: plan ?? ".", Message(.offerNeedsPlanOrSchedule))
            }
            if let reply {
                needsHuman = try await !book(reply, folder: folder, plan: decoded, language: language)
            } else {
                guard let client, let staff else { throw ScheduleError(file: folder, Message(.offerNeedsClient)) }
                let loaded = try await ScheduleLoader(
                    feeds: feeds.options, lenient: lenient, progress: Progress.feeds(language)
                ).load(folder: folder)
                Failure.warn(loaded.warningSentences, in: language)
                let problem = loaded.problem
                let slots: [OfferedSlot]
                do {
                    slots = try SlotFinder(problem: problem, router: loaded.makeRouter(), plan: decoded).slots(
                        client: client, staff: staff, count: count)
                } catch {
                    throw ScheduleError(file: plan ?? folder, error.message)
                }
                let target = problem.clients.first { $0.id == client }!
                let person = problem.staff.first { $0.id == staff }!
                if let invite, !slots.isEmpty {
                    try write(
                        slots, invitation: invite, client: target, staff: person, problem: problem, folder: folder,
                        language: language)
                }
                switch format {
                case .json:
                    struct Answer: Encodable {
                        var client: String
                        var staff: String
                        var slots: [OfferedSlot]
                    }
                    Output.json(
                        String(
                            decoding: PlanJSON.encode(Answer(client: client, staff: staff, slots: slots)), as: UTF8.self
                        )
                    )
                case .table:
                    Output.text(
                        OfferText.table(slots, client: target, staff: person, problem: problem, language: language),
                        terminator: "")
                }
                needsHuman = slots.isEmpty
            }
        } catch {
            throw Failure.exit(for: error, in: language)
        }
        if needsHuman { throw ExitCode(1) }
    }

    /// Records the slots as offered and writes the invitation holding them.
    private func write(
        _ slots: [OfferedSlot], invitation path: String, client: Client, staff: Staff, problem: Problem, folder: String,
        language: Language
    ) throws(ScheduleError) {
        let now = Instant(seconds: Int64(Date().timeIntervalSince1970))
        let stamp = DateTimeValue.utc(now).icalendarText
        let offers = slots.enumerated().map { index, slot in
            Offer(
                uid: "offer-\(client.id)-\(staff.id)-\(stamp)-\(index + 1)@tiaoqi", client: client.id,
                clientName: client.name, staff: staff.id, start: slot.start, end: slot.end, mode: slot.mode)
        }
        var book = try OfferBook.read(folder: folder)
        book.invite(offers)
        // The book first: an invitation never sent leaves open slots no reply names; a reply to slots the book
        // lacks could not be booked.
        try book.write(folder: folder)
        let text = OfferText.invitation(
            offers, client: client, staff: staff, problem: problem,
            link: { meetingLink($0, problem: problem) }, now: now, language: language)
        try OutputFolder.writeWhole(Data(text.utf8), to: path)
        Failure.note(
            Message(
                .offerInvited,
                [
                    "count": .number(offers.count), "file": .text(path),
                    "book": .text((folder as NSString).appendingPathComponent(OfferBook.fileName)),
                ]), in: language)
    }

    /// The file of the folder `--answer` names that carries each iTIP method.
    static let answerFiles = [
        "REQUEST": "confirm.ics", "CANCEL": "cancel.ics", "DECLINECOUNTER": "decline-counter.ics",
    ]

    /// Writes the organizer's answers to a reply into `folder`, one file per method, and removes the ones an earlier
    /// answer left there that this one has nothing for (so no stale answer is mailed).
    private func write(_ sent: OfferAnswer, answer folder: String, problem: Problem, language: Language)
        throws(ScheduleError)
    {
        let now = Instant(seconds: Int64(Date().timeIntervalSince1970))
        let messages = OfferText.answer(
            sent, problem: problem, link: { meetingLink($0, problem: problem) }, now: now, language: language)
        try OutputFolder.makeFolder(folder)
        var written: [String] = []
        for (method, name) in Self.answerFiles.sorted(by: { $0.value < $1.value }) {
            let path = (folder as NSString).appendingPathComponent(name)
            if let text = messages.first(where: { $0.method == method })?.text {
                try OutputFolder.writeWhole(Data(text.utf8), to: path)
                written.append(path)
            } else {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
        Failure.note(
            written.isEmpty
                ? Message(.offerAnswerNothing, ["folder": .text(folder)])
                : Message(
                    .offerAnswerWritten,
                    [
                        "files": .names(written), "confirmed": .number(sent.confirmed.count),
                        "cancelled": .number(sent.cancelled.count), "declined": .number(sent.declined.count),
                    ]), in: language)
    }

    /// The link of an online slot's meeting, from plan.yaml's template.
    private func meetingLink(_ offer: Offer, problem: Problem) -> String? {
        problem.meetingLink?.link(
            client: offer.client, date: problem.zone.date(of: offer.start).description, staff: offer.staff)
    }

    /// Books what a client's reply accepts, or the time a counter-proposal asks for when the week (`plan`, else an
    /// empty week) takes it; false when a counter-proposal had to be refused.
    private func book(_ path: String, folder: String, plan: Plan?, language: Language) async throws(ScheduleError)
        -> Bool
    {
        let planFile = try PlanFile.read(folder: folder)
        let reply = try OfferReply.read(path, zone: planFile.zone)
        let names = Dictionary(planFile.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var book = try OfferBook.read(folder: folder)
        let before = book
        var accepted = try book.take(reply, file: path)
        var declined: [OfferAnswer.Declined] = []
        let counters = reply.answers.filter { $0.proposed != nil }
        // The schedule is loaded (its calendars fetched) only to time a proposal or to address the answer.
        let loaded: Schedule? =
            if counters.isEmpty && answer == nil {
                nil
            } else {
                try await ScheduleLoader(feeds: feeds.options, lenient: lenient, progress: Progress.feeds(language))
                    .load(folder: folder)
            }
        if let loaded { Failure.warn(loaded.warningSentences, in: language) }
        if let loaded, !counters.isEmpty {
            let finder = SlotFinder(problem: loaded.problem, router: loaded.makeRouter(), plan: plan)
            for counter in counters {
                let offer = try book.offer(countered: counter, file: path)
                let proposed = counter.proposed ?? offer.start
                let slot: OfferedSlot?
                do {
                    slot = try finder.slots(client: offer.client, staff: offer.staff, count: 1, at: proposed).first
                } catch {
                    throw ScheduleError(file: path, line: counter.line, error.message)
                }
                if let slot {
                    accepted.append(try book.book(counter, at: slot, file: path))
                } else {
                    declined.append(OfferAnswer.Declined(offer: offer, proposed: proposed))
                }
            }
        }
        // The book records the answer's revisions (SEQUENCE) before the answer is written, as with an invitation.
        let sent = answer == nil ? nil : book.answer(to: reply, declined: declined)
        try book.write(folder: folder)
        if let answer, let sent, let problem = loaded?.problem {
            try write(sent, answer: answer, problem: problem, language: language)
        }
        for offer in accepted {
            Output.line(
                Message(
                    .offerBooked,
                    [
                        "client": .text(offer.clientName ?? offer.client),
                        "person": .text(names[offer.staff] ?? offer.staff),
                        "time": .dayClock(offer.start, planFile.zone),
                    ]
                ).text(language))
        }
        let declinedByClient = zip(before.offers, book.offers).filter {
            $0.status != .declined && $1.status == .declined
        }
        if let first = declinedByClient.first {
            Output.line(
                Message(
                    .offerDeclined,
                    ["client": .text(first.1.clientName ?? first.1.client), "count": .number(declinedByClient.count)]
                ).text(
                    language))
        }
        for refused in declined {
            let offer = refused.offer
            Output.line(
                Message(
                    .offerCounterRefused,
                    [
                        "client": .text(offer.clientName ?? offer.client),
                        "time": .dayClock(refused.proposed, planFile.zone),
                        "person": .text(names[offer.staff] ?? offer.staff), "id": .text(offer.client),
                        "staff": .text(offer.staff),
                    ]
                ).text(language))
        }
        return declined.isEmpty
    }
}
