import Foundation
import ICalendar
import TestSupport
import Testing

/// `tiaoqi offer`: slots offered to a client as an iTIP invitation, the client's REPLY booking one, and the next
/// `plan --keep` holding it.
@Suite struct OfferCLITests {
    /// The client's answer to `invitation`: METHOD:REPLY accepting the slot with `uid`, as a calendar app sends it.
    static func reply(accepting uid: String, partstat: String = "ACCEPTED") -> String {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Client//Calendar//EN", "METHOD:REPLY", "BEGIN:VEVENT",
            "UID:\(uid)", "DTSTAMP:20220301T080000Z", "SEQUENCE:0",
            "ORGANIZER;CN=周建华:mailto:zhou@tiaoqi.invalid",
            "ATTENDEE;CN=上海微纳芯光电科技有限公司;PARTSTAT=\(partstat):mailto:sh01@tiaoqi.invalid", "END:VEVENT",
            "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
    }

    /// The sample week planned into `out/week`, and sh01 offered slots with zhou as an invitation: the schedule's
    /// copy, the slots (as `--format json` lists them) and the invitation's UIDs, in the same order.
    func invitedSH01(out: String) async throws -> (schedule: String, slots: [[String: Any]], uids: [String]) {
        let schedule = Fixtures.copy(Fixtures.sampleWeek)
        let first = try await tiaoqiOffThePool(["plan", schedule, "--out", out + "/week", "--seconds", "0.2"])
        #expect(first.status <= 1, "\(first.stderr)")
        let invitation = out + "/offer.ics"
        let offered = try await tiaoqiOffThePool([
            "offer", "sh01", "--staff", "zhou", "--plan", out + "/week/plan.json", "--invite", invitation,
            "--format", "json", "--lang", "en",
        ])
        #expect(offered.status == 0, "\(offered.stderr)")
        let answer = try #require(
            try JSONSerialization.jsonObject(with: Data(offered.stdout.utf8)) as? [String: Any])
        let slots = try #require(answer["slots"] as? [[String: Any]])
        #expect(!slots.isEmpty)
        let text = try String(contentsOfFile: invitation, encoding: .utf8)
        #expect(text.contains("METHOD:REQUEST\r\n") && text.contains("STATUS:TENTATIVE\r\n"))
        let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
        #expect(uids.count == slots.count)
        return (schedule, slots, uids)
    }

    @Test func aReplyAcceptingAnOfferedSlotIsHeldByTheNextPlan() async throws {
        let out = Fixtures.temporaryFolder("offer")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (schedule, slots, uids) = try await invitedSH01(out: out)

        // The client accepts the last slot offered.
        let chosen = try #require(slots.last?["start"] as? String)
        let replyFile = out + "/reply.ics"
        try Self.reply(accepting: uids.last!).write(toFile: replyFile, atomically: true, encoding: .utf8)
        let booked = try await tiaoqiOffThePool(["offer", "--schedule", schedule, "--reply", replyFile, "--lang", "en"])
        #expect(booked.status == 0, "\(booked.stderr)")
        #expect(booked.stdout.hasPrefix("Booked 上海微纳芯光电科技有限公司 with 周建华 at "), "\(booked.stdout)")
        let book = try String(contentsOfFile: schedule + "/offers.json", encoding: .utf8)
        #expect(book.components(separatedBy: "\"accepted\"").count == 2)

        // The next plan, keeping the first, meets sh01 then, with zhou; the audit passes.
        let next = try await tiaoqiOffThePool([
            "plan", schedule, "--keep", out + "/week/plan.json", "--seconds", "0.2", "--format", "json", "--out",
            out + "/next",
        ])
        #expect(next.status <= 1, "\(next.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(next.stdout.utf8)) as? [String: Any])
        let visit = try #require((plan["visits"] as? [[String: Any]])?.first { $0["client"] as? String == "sh01" })
        #expect(visit["start"] as? String == chosen)
        #expect(visit["staff"] as? [String] == ["zhou"])
        let check = try await tiaoqiOffThePool(["check", out + "/next/plan.json"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func aCounterProposalTheWeekTakesIsBookedAndOneItCannotIsRefused() async throws {
        let out = Fixtures.temporaryFolder("offer")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (schedule, slots, uids) = try await invitedSH01(out: out)
        // The client proposes, instead of the first slot, the last one's time (which the week takes), as a calendar
        // app's "propose a new time" sends it: METHOD:COUNTER with the slot's UID and the new DTSTART.
        let wanted = try #require(slots.last?["start"] as? String)
        func counter(_ start: String) -> String {
            Self.reply(accepting: uids[0], partstat: "TENTATIVE").replacingOccurrences(
                of: "METHOD:REPLY", with: "METHOD:COUNTER"
            ).replacingOccurrences(of: "SEQUENCE:0", with: "SEQUENCE:0\r\nDTSTART:\(start)")
        }
        let file = out + "/counter.ics"
        // First a time nobody can meet at (03:00 on Monday, Xuzhou time): refused, the offer left open, exit 1.
        try counter("20220306T190000Z").write(toFile: file, atomically: true, encoding: .utf8)
        let plan = out + "/week/plan.json"
        let refused = try await tiaoqiOffThePool(["offer", "--plan", plan, "--reply", file, "--lang", "en"])
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(
            refused.stdout.contains("proposed Mon 03:00, which 周建华's week cannot take"), "\(refused.stdout)")
        #expect(
            try String(contentsOfFile: schedule + "/offers.json", encoding: .utf8).contains("\"accepted\"") == false)
        // Then the last slot's time: booked, and the next plan keeping the first meets sh01 then.
        try counter(wanted.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")).write(
            toFile: file, atomically: true, encoding: .utf8)
        let booked = try await tiaoqiOffThePool(["offer", "--plan", plan, "--reply", file, "--lang", "en"])
        #expect(booked.status == 0, "\(booked.stderr)")
        #expect(booked.stdout.hasPrefix("Booked 上海微纳芯光电科技有限公司 with 周建华 at "), "\(booked.stdout)")
        let next = try await tiaoqiOffThePool([
            "plan", schedule, "--keep", plan, "--seconds", "0.2", "--format", "json", "--out", out + "/next",
        ])
        #expect(next.status <= 1, "\(next.stderr)")
        let kept = try #require(try JSONSerialization.jsonObject(with: Data(next.stdout.utf8)) as? [String: Any])
        let visit = try #require((kept["visits"] as? [[String: Any]])?.first { $0["client"] as? String == "sh01" })
        #expect(visit["start"] as? String == wanted)
        // A proposal without a time it can read names its line.
        try counter("tomorrow").write(toFile: file, atomically: true, encoding: .utf8)
        let unreadable = try await tiaoqiOffThePool(["offer", "--plan", plan, "--reply", file, "--lang", "en"])
        #expect(unreadable.status == 2 && unreadable.stderr.contains("counter.ics:9: "), "\(unreadable.stderr)")
    }

    @Test func theAnswerConfirmsTheBookingCancelsTheOtherHoldsAndDeclinesAProposalTheWeekCannotTake() async throws {
        let out = Fixtures.temporaryFolder("offer")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (schedule, slots, uids) = try await invitedSH01(out: out)
        try #require(uids.count >= 2)
        let plan = out + "/week/plan.json"
        let answers = out + "/answer"
        /// The iTIP message in `name` of the answer folder, read back strictly: its METHOD and its VEVENTs'
        /// properties by name; nil when the file is not there.
        func message(_ name: String) throws -> (method: String, events: [[String: ContentLine]])? {
            let path = answers + "/" + name
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            let calendar = try VCalendar.parse(try String(contentsOfFile: path, encoding: .utf8), strict: true)
            #expect(calendar.components.count == 1, "one METHOD a mail: \(name)")
            let root = try #require(calendar.components.first)
            return (
                root.property("METHOD")?.value ?? "",
                root.components("VEVENT").map { event in
                    Dictionary(event.properties.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                }
            )
        }
        func answer(_ file: String) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await tiaoqiOffThePool([
                "offer", "--plan", plan, "--reply", file, "--answer", answers, "--lang", "en",
            ])
        }

        // A proposal for 03:00 on Monday is declined: DECLINECOUNTER for that slot, its SEQUENCE unchanged.
        let counterFile = out + "/counter.ics"
        try Self.reply(accepting: uids[0], partstat: "TENTATIVE").replacingOccurrences(
            of: "METHOD:REPLY", with: "METHOD:COUNTER"
        ).replacingOccurrences(of: "SEQUENCE:0", with: "SEQUENCE:0\r\nDTSTART:20220306T190000Z").write(
            toFile: counterFile, atomically: true, encoding: .utf8)
        let refused = try await answer(counterFile)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("0 confirmed, 0 withdrawn, 1 proposals declined"), "\(refused.stderr)")
        let declined = try #require(try message("decline-counter.ics"))
        #expect(declined.method == "DECLINECOUNTER")
        let decline = try #require(declined.events.first)
        #expect(decline["UID"]?.textValue == uids[0] && decline["SEQUENCE"]?.value == "0")
        #expect(decline["COMMENT"]?.textValue.contains("03:00, does not fit 周建华's week") == true, "\(decline)")
        #expect(decline["DTSTART"] == nil)
        #expect(try message("confirm.ics") == nil && message("cancel.ics") == nil)

        // The client then accepts the last slot: it is confirmed at its time, and every other hold cancelled one
        // revision up; the stale DECLINECOUNTER is gone.
        let replyFile = out + "/reply.ics"
        try Self.reply(accepting: uids.last!).write(toFile: replyFile, atomically: true, encoding: .utf8)
        for run in 1...2 {
            // Twice: the same answer, the same revisions.
            let booked = try await answer(replyFile)
            #expect(booked.status == 0, "\(booked.stderr)")
            let confirmed = try #require(try message("confirm.ics"))
            #expect(confirmed.method == "REQUEST")
            let event = try #require(confirmed.events.first)
            #expect(confirmed.events.count == 1 && event["UID"]?.textValue == uids.last)
            #expect(event["STATUS"]?.value == "CONFIRMED" && event["SEQUENCE"]?.value == "0", "run \(run)")
            #expect(event["DTSTART"]?.value == (slots.last?["start"] as? String)?.filter { $0 != "-" && $0 != ":" })
            #expect(event["ATTENDEE"]?.parameter("PARTSTAT") == "ACCEPTED")
            #expect(event["ATTENDEE"]?.parameter("RSVP") == nil)
            let cancelled = try #require(try message("cancel.ics"))
            #expect(cancelled.method == "CANCEL")
            #expect(Set(cancelled.events.compactMap { $0["UID"]?.textValue }) == Set(uids.dropLast()))
            #expect(
                cancelled.events.allSatisfy {
                    $0["STATUS"]?.value == "CANCELLED" && $0["SEQUENCE"]?.value == "1"
                        && $0["ATTENDEE"]?.parameter("PARTSTAT") == nil
                }, "run \(run)")
            #expect(try message("decline-counter.ics") == nil)
        }
        // The book keeps the revisions sent and what each slot's calendar was told.
        let book = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: schedule + "/offers.json")))
                as? [String: Any])
        let offers = book["offers"] as? [[String: Any]] ?? []
        #expect(offers.compactMap { $0["sequence"] as? Int } == Array(repeating: 1, count: uids.count - 1) + [0])
        #expect(
            offers.compactMap { $0["sent"] as? String } == Array(repeating: "withdrawn", count: uids.count - 1) + [
                "accepted"
            ])

        // --answer answers a reply.
        let alone = try await tiaoqiOffThePool([
            "offer", "sh01", "--staff", "zhou", "--plan", plan, "--answer", answers,
        ])
        #expect(alone.status == 2 && alone.stderr.contains("give --reply FILE too"), "\(alone.stderr)")
    }

    @Test func aReplyToSlotsNeverOfferedIsRefusedWithItsLine() async throws {
        let schedule = Fixtures.copy(Fixtures.sampleWeek)
        let out = Fixtures.temporaryFolder("offer")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let replyFile = out + "/reply.ics"
        try Self.reply(accepting: "offer-sh01-zhou-forged@tiaoqi").write(
            toFile: replyFile, atomically: true, encoding: .utf8)
        let run = try await tiaoqiOffThePool(["offer", "--schedule", schedule, "--reply", replyFile, "--lang", "en"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("reply.ics:6: "), "\(run.stderr)")
        #expect(run.stderr.contains("was never offered from this schedule"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: schedule + "/offers.json"))
        // An invitation is not a reply.
        try Self.reply(accepting: "x").replacingOccurrences(of: "METHOD:REPLY", with: "METHOD:REQUEST").write(
            toFile: replyFile, atomically: true, encoding: .utf8)
        let request = try await tiaoqiOffThePool(["offer", "--schedule", schedule, "--reply", replyFile])
        #expect(request.status == 2 && request.stderr.contains("reply.ics:4: "), "\(request.stderr)")
    }
}
