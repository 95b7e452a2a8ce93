import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import ICalendar
import Messages
import Store
import Timeline

/// Calendar subscriptions: each person's secret `webcal://` address serving their published itinerary (every team's
/// latest version of each week they travel in) as one iCalendar feed, with an ETag so a calendar app that asks again
/// gets 304 when nothing changed. The address is shown once, when made; making a new one revokes the old, and it can
/// be revoked outright. Only the token's hash is stored, and the token is never logged.
struct CalendarRoutes {
    let store: BureauStore
    let state: BoardState
    let clock: @Sendable () -> Instant
    /// Subscription tokens looked up lately (a revocation here forgets them at once).
    let subscribers = RecentLookups<String>()

    /// How far back, before the latest published week, a subscription still serves weeks.
    static let servedDays = 182

    /// The form of the subscription page.
    struct CalendarForm: Decodable {
        var csrf: String?
    }

    func add(to router: Router<BoardContext>) {
        router.get("/calendar") { _, context -> Response in
            let (account, staff) = try await person(context)
            let made = try await store.subscriptionMade(for: staff)
            return page(context, account: account, made: made, newAddress: nil)
        }
        router.post("/calendar/new") { request, context -> Response in
            let (account, staff) = try await person(context)
            let form = try await URLEncodedFormDecoder().decode(CalendarForm.self, from: request, context: context)
            try context.checkForm(form.csrf)
            let token = SessionTokens.newToken()
            let now = clock()
            try await store.subscribe(staff, tokenHash: SessionTokens.hash(token), at: now)
            subscribers.forgetAll()
            try await store.record(ChangeRecord(at: now, accountID: account.id, action: "subscribe", subject: staff))
            let host = request.head.authority ?? "127.0.0.1"
            return page(context, account: account, made: now, newAddress: "\(host)/cal/\(token).ics")
        }
        router.post("/calendar/revoke") { request, context -> Response in
            let (account, staff) = try await person(context)
            let form = try await URLEncodedFormDecoder().decode(CalendarForm.self, from: request, context: context)
            try context.checkForm(form.csrf)
            let now = clock()
            try await store.revokeSubscriptions(of: staff, at: now)
            subscribers.forgetAll()
            try await store.record(ChangeRecord(at: now, accountID: account.id, action: "unsubscribe", subject: staff))
            return Response(status: .seeOther, headers: [.location: "/calendar"])
        }
        router.get("/cal/:file") { request, context -> Response in
            let hash = SessionTokens.hash(String(context.parameters.get("file")?.dropLast(4) ?? ""))
            guard let file = context.parameters.get("file"), file.hasSuffix(".ics"),
                let staff = try await subscribers.value(hash, at: clock(), ask: { try await store.subscriber(hash) })
            else {
                return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"])
            }
            return try await feed(of: staff, request: request)
        }
    }

    /// The signed-in account and the member of staff it is.
    private func person(_ context: BoardContext) async throws -> (Account, String) {
        let account = try context.require(Set(Account.Role.allCases))
        guard let staff = account.staffID else { throw Refusal.failed(Message(.boardNoStaff), context.language) }
        return (account, staff)
    }

    /// The person's itinerary as one calendar, or 304 when the caller's ETag is still its. Made once for each
    /// generation of the board (a publication, here or elsewhere, makes a new one).
    private func feed(of staff: String, request: Request) async throws -> Response {
        let store = store
        let made = await state.rendered("calendar:" + staff) {
            let from = ((try? await store.latestPublishedWeekStart()) ?? LocalDate(year: 1970, month: 1, day: 1)!)
                .adding(days: -Self.servedDays)
            let weeks = (try? await store.latestPublishedFiles(named: "\(staff).ics", from: from)) ?? []
            let name = (try? await store.staff())?.first { $0.id == staff }?.name ?? staff
            let body = SubscribedCalendar.merge(weeks.map(\.body), name: name)
            let etag = SHA256.hash(data: Data(body.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
            return etag + "\n" + body
        }
        let etag = "\"" + made.prefix { $0 != "\n" } + "\""
        let body = String(made.drop { $0 != "\n" }.dropFirst())
        var headers: HTTPFields = [.eTag: etag, .cacheControl: "private, no-cache"]
        if request.headers[values: .ifNoneMatch].flatMap({ $0.split(separator: ",") }).contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*"
        }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "text/calendar; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    private func page(_ context: BoardContext, account: Account, made: Instant?, newAddress: String?) -> Response {
        let language = context.language
        var body: [HTML] = []
        if let newAddress {
            body.append(.element("p", [:], [.text(Message(.boardCalendarNew).text(language))]))
            body.append(
                .element(
                    "p", [:],
                    [
                        .element(
                            "a", ["href": "webcal://\(newAddress)", "id": "webcal"], [.text("webcal://\(newAddress)")])
                    ]))
            body.append(
                .element("p", [:], [.element("code", ["id": "https"], [.text("https://\(newAddress)")])]))
        } else if let made {
            body.append(
                .element(
                    "p", [:],
                    [.text(Message(.boardCalendarMade, ["time": .text(BoardRoutes.utc(made))]).text(language))]))
        } else {
            body.append(.element("p", [:], [.text(Message(.boardCalendarNone).text(language))]))
        }
        let csrf = HTML.element("input", ["type": "hidden", "name": "csrf", "value": context.session?.csrfToken])
        body.append(
            .element(
                "form", ["method": "post", "action": "/calendar/new", "class": "inline"],
                [csrf, .element("button", ["type": "submit"], [.text(Message(.boardCalendarMake).text(language))])]))
        if made != nil {
            body.append(
                .element(
                    "form", ["method": "post", "action": "/calendar/revoke", "class": "inline"],
                    [
                        csrf,
                        .element("button", ["type": "submit"], [.text(Message(.boardCalendarRevoke).text(language))]),
                    ]))
        }
        return Page(title: Message(.boardCalendarTitle), language: language, signedIn: context.signedIn, body: body)
            .response()
    }
}

/// A person's calendars of several weeks as one: the events of each, under one calendar named for the person.
enum SubscribedCalendar {
    /// One calendar holding the events of `calendars` (each a whole iCalendar object as Tiaoqi writes them), read
    /// and written again by the ICalendar module, so every value is escaped and folded as RFC 5545 wants.
    static func merge(_ calendars: [String], name: String) -> String {
        var events: [Component] = []
        for text in calendars {
            guard let calendar = try? VCalendar.parse(text) else { continue }
            events += calendar.components.flatMap { $0.name == "VCALENDAR" ? $0.components : [$0] }
                .filter { $0.name == "VEVENT" }
        }
        let root = Component(
            name: "VCALENDAR",
            properties: [
                ContentLine(name: "VERSION", value: "2.0"), ContentLine(name: "PRODID", value: "-//Tiaoqi//Board//ZH"),
                ContentLine(name: "CALSCALE", value: "GREGORIAN"), ContentLine(name: "METHOD", value: "PUBLISH"),
                ContentLine.text("X-WR-CALNAME", name + " · Tiaoqi"),
            ],
            components: events)
        return ICalendarWriter.write([root])
    }
}
