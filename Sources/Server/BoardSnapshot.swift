import Audit
import Foundation
import Itinerary
import Messages
import Reports
import Schedules
import Store
import Timeline

/// The board as a reader sees it at one moment: every team's latest weeks (stale or not) and the clashes between
/// them, in the reader's language. The board page draws it; its event stream and `/api/clashes` send it as JSON.
struct BoardSnapshot: Sendable, Encodable {
    /// A published week on the board.
    struct WeekRow: Sendable, Encodable {
        /// The team's id.
        var team: String
        /// The team as the reader reads it: its name and id.
        var teamLabel: String
        /// The week's first day.
        var week: String
        /// Its latest version.
        var version: Int
        /// When that version was published (UTC, to the minute).
        var publishedAt: String
        /// Whether it no longer holds as published.
        var stale: Bool
        /// Its state in words: holds, or why not.
        var state: String
    }

    /// One more each time the board changes.
    var generation: Int
    /// The weeks, newest first, then by team.
    var weeks: [WeekRow]
    /// The clashes, errors first.
    var clashes: [ClashRow]
    /// How many clashes, in words.
    var countText: String

    /// The board now, from `state`, in `language`.
    static func take(state: BoardState, store: BureauStore, language: Language) async -> BoardSnapshot {
        await state.ensureChecked()
        let (generation, weeks, clashes) = await (state.generation, state.weeks, state.clashes)
        let names = (try? await store.staff()).map { Dictionary($0.map { ($0.id, $0.name) }) { a, _ in a } } ?? [:]
        let teams = (try? await store.teams()).map { Dictionary($0.map { ($0.id, $0.name) }) { a, _ in a } } ?? [:]
        let zone = weeks.values.compactMap { $0.schedule?.problem.zone }.first ?? Zone(identifier: "Asia/Shanghai")!
        let rows = weeks.values.sorted { ($1.week.weekStart, $0.week.teamID) < ($0.week.weekStart, $1.week.teamID) }
            .map { checked in
                var reasons = checked.findings.map { $0.message.text(language) }
                if let problem = checked.problem { reasons.append(problem.text(language)) }
                if !(checked.plan?.staleCalendars ?? []).isEmpty {
                    reasons.append(Message(.boardStaleCalendars).text(language))
                }
                return WeekRow(
                    team: checked.week.teamID,
                    teamLabel: teams[checked.week.teamID].map { "\($0) (\(checked.week.teamID))" }
                        ?? checked.week.teamID,
                    week: checked.week.weekStart.description,
                    version: checked.week.version, publishedAt: BoardRoutes.utc(checked.week.publishedAt),
                    stale: checked.isStale,
                    state: reasons.isEmpty
                        ? Message(.boardWeekHolds).text(language)
                        : Message(.boardWeekStale, ["reasons": .text(reasons.joined(separator: "; "))]).text(language))
            }
        let errors = clashes.filter { $0.severity == .error }.count
        return BoardSnapshot(
            generation: generation, weeks: rows,
            clashes: ClashRow.rows(clashes, zone: zone, names: names, language: language),
            countText: Message(
                .boardClashCount, ["errors": .number(errors), "warnings": .number(clashes.count - errors)]
            ).text(language))
    }
}

/// The board page's only script: it listens to `/board/events` and redraws the clash table, its count and the
/// weeks' states when the board changes. Text goes in with `textContent`, never as markup.
enum BoardScript {
    static let source = """
        "use strict";
        (function () {
          const section = document.getElementById("clashes");
          if (!section || !window.EventSource) return;
          function cell(text) { const td = document.createElement("td"); td.textContent = text; return td; }
          function draw(board) {
            const rows = document.getElementById("clash-rows");
            rows.replaceChildren(...board.clashes.map(function (clash) {
              const tr = document.createElement("tr");
              tr.className = "clash " + clash.severity;
              tr.dataset.kind = clash.kind;
              [clash.severityLabel, clash.kindLabel, clash.when, clash.people.join(", "), clash.teams.join(", "),
               clash.explanation, clash.fix].forEach(function (text) { tr.appendChild(cell(text)); });
              return tr;
            }));
            document.getElementById("clash-count").textContent = board.countText;
            section.dataset.generation = String(board.generation);
            const weeks = document.querySelector("#weeks tbody");
            if (weeks) {
              weeks.replaceChildren(...board.weeks.map(function (week) {
                const tr = document.createElement("tr");
                if (week.stale) tr.className = "stale";
                [week.teamLabel, week.week, String(week.version), week.publishedAt, week.state].forEach(function (text) {
                  tr.appendChild(cell(text));
                });
                tr.lastChild.className = "week-state";
                return tr;
              }));
            }
          }
          const source = new EventSource("/board/events");
          source.addEventListener("board", function (event) { draw(JSON.parse(event.data)); });
        })();
        """
}
