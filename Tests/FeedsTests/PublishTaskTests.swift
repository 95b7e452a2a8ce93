import Feeds
import Messages
import Testing

/// The decision of each CalDAV write-back request, without a server: from the plan's event, the record's entry and
/// the listing's ETag, which request goes next, and what an answer changes.
@Suite("CalDAV write-back decisions")
struct PublishTaskTests {
    static let event = PublishEvent(uid: "visit-a@tiaoqi", body: Array("BEGIN:VCALENDAR".utf8), digest: "new")
    static let written = PublishRecord.Entry(uid: "visit-a@tiaoqi", etag: "\"1\"", digest: "old")

    /// Runs a task against canned answers, one per request, and returns the requests sent and the final step.
    static func run(_ task: PublishTask, _ answers: [PublishAnswer]) -> (sent: [PublishRequest], end: PublishStep) {
        var task = task
        var answers = answers[...]
        var sent: [PublishRequest] = []
        while case .send(let request) = task.next() {
            task.willSend(request)
            sent.append(request)
            guard let answer = answers.popFirst() else { return (sent, .finish(.failed, status: nil, reason: nil)) }
            task.take(answer, for: request)
        }
        return (sent, task.next())
    }

    static func outcome(_ step: PublishStep) -> PublishOutcome? {
        if case .finish(let outcome, _, _) = step { return outcome }
        return nil
    }

    @Test func aNewEventIsCreatedOnlyWhereNothingIs() {
        let task = PublishTask(resource: Self.event.resource, wanted: Self.event, entry: nil, listed: nil)
        let (sent, end) = Self.run(task, [PublishAnswer(status: 201, etag: "\"2\"")])
        #expect(sent == [.create])
        #expect(Self.outcome(end) == .created)
    }

    @Test func anUnchangedEventSendsNothingAndAChangedOneIsWrittenOverItsETag() {
        var same = Self.event
        same.digest = "old"
        #expect(
            Self.outcome(
                PublishTask(resource: same.resource, wanted: same, entry: Self.written, listed: "\"1\"").next())
                == .unchanged)
        let task = PublishTask(resource: Self.event.resource, wanted: Self.event, entry: Self.written, listed: "\"1\"")
        let (sent, end) = Self.run(task, [PublishAnswer(status: 204, etag: "\"2\"")])
        #expect(sent == [.update(ifMatch: "\"1\"")])
        #expect(Self.outcome(end) == .updated)
    }

    @Test func anEventChangedOnTheServerIsRefusedAfterThe412() {
        let task = PublishTask(resource: Self.event.resource, wanted: Self.event, entry: Self.written, listed: "\"9\"")
        let (sent, end) = Self.run(
            task, [PublishAnswer(status: 412), PublishAnswer(status: 200, etag: "\"9\"", inspection: .foreign)])
        #expect(sent == [.update(ifMatch: "\"1\""), .read])
        #expect(end == .finish(.refused, status: 412, reason: end.reason))
    }

    @Test func tiaoqisOwnWriteWhoseAnswerWasLostIsAdoptedNotRefused() {
        // The record still names the old version; the server holds the new one, written by a killed publish.
        var task = PublishTask(resource: Self.event.resource, wanted: Self.event, entry: Self.written, listed: "\"2\"")
        let (sent, end) = Self.run(
            task,
            [PublishAnswer(status: 412), PublishAnswer(status: 200, etag: "\"2\"", inspection: .tiaoqi(digest: "new"))])
        #expect(sent == [.update(ifMatch: "\"1\""), .read])
        #expect(Self.outcome(end) == .unchanged)
        task.willSend(.update(ifMatch: "\"1\""))
        task.take(PublishAnswer(status: 412), for: .update(ifMatch: "\"1\""))
        task.willSend(.read)
        task.take(PublishAnswer(status: 200, etag: "\"2\"", inspection: .tiaoqi(digest: "new")), for: .read)
        #expect(task.entry == PublishRecord.Entry(uid: "visit-a@tiaoqi", etag: "\"2\"", digest: "new"))
    }

    @Test func anEventDeletedInTheCalendarStaysDeletedUntilThePlanChangesIt() {
        var same = Self.event
        same.digest = "old"
        #expect(
            Self.outcome(PublishTask(resource: same.resource, wanted: same, entry: Self.written, listed: nil).next())
                == .kept)
        #expect(
            PublishTask(resource: Self.event.resource, wanted: Self.event, entry: Self.written, listed: nil).next()
                == .send(.create))
    }

    @Test func aDroppedEventIsDeletedOverItsETagAndOneChangedOnTheServerIsLeft() {
        let dropped = PublishTask(resource: Self.event.resource, wanted: nil, entry: Self.written, listed: "\"1\"")
        let (sent, end) = Self.run(dropped, [PublishAnswer(status: 204)])
        #expect(sent == [.delete(ifMatch: "\"1\"")])
        #expect(Self.outcome(end) == .deleted)
        let changed = PublishTask(resource: Self.event.resource, wanted: nil, entry: Self.written, listed: "\"5\"")
        let refused = Self.run(
            changed, [PublishAnswer(status: 412), PublishAnswer(status: 200, etag: "\"5\"", inspection: .foreign)])
        #expect(refused.sent == [.delete(ifMatch: "\"1\""), .read])
        #expect(Self.outcome(refused.end) == .refused)
    }

    @Test func aFirstWriteThatNeverLandedIsForgottenWhenSomeoneElsesEventIsThere() {
        let pending = PublishRecord.Entry(uid: "visit-a@tiaoqi", pending: "new")
        var task = PublishTask(resource: Self.event.resource, wanted: nil, entry: pending, listed: "\"7\"")
        #expect(task.next() == .send(.read))
        task.willSend(.read)
        task.take(PublishAnswer(status: 200, etag: "\"7\"", inspection: .foreign), for: .read)
        #expect(task.entry == nil)
        #expect(Self.outcome(task.next()) == .unchanged)
    }

    @Test func aServerThatKeepsChangingTheEventEndsInAFailureNotALoop() {
        let task = PublishTask(resource: Self.event.resource, wanted: Self.event, entry: nil, listed: "\"1\"")
        let answers = (0..<10).flatMap { index in
            [
                PublishAnswer(status: 412),
                PublishAnswer(status: 200, etag: "\"\(index)\"", inspection: .tiaoqi(digest: "x")),
            ]
        }
        let (sent, end) = Self.run(task, answers)
        #expect(sent.count == PublishTask.maximumRequests)
        #expect(Self.outcome(end) == .failed)
    }

    @Test func resourceNamesArePercentEncodedUIDs() {
        #expect(
            PublishEvent.resource(for: "visit-nj-chip-li-2022-03-07@tiaoqi")
                == "visit-nj-chip-li-2022-03-07%40tiaoqi.ics")
        #expect(PublishEvent.resource(for: "a/b 拜访") == "a%2Fb%20%E6%8B%9C%E8%AE%BF.ics")
    }
}

extension PublishStep {
    /// The reason of a finished step.
    var reason: Message? {
        if case .finish(_, _, let reason) = self { return reason }
        return nil
    }
}
