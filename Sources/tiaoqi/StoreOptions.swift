import ArgumentParser
import Foundation
import GTFS
import Itinerary
import Messages
import Pipeline
import Schedules
import Store
import Timeline

/// `--db` and `--lang`, for the commands that work on the bureau's store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The bureau's store: an SQLite file (created on first use) or a postgres:// URL (default: $TIAOQI_DB, else bureau.sqlite)."
    )
    var db: String?

    @Option(name: .long, help: "Language of the output: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: ReportLanguageOption?

    /// Where the store is.
    var location: StoreLocation {
        StoreLocation(
            db ?? ProcessInfo.processInfo.environment["TIAOQI_DB"].flatMap { $0.isEmpty ? nil : $0 }
                ?? StoreLocation.defaultPath)
    }

    /// The reader's language.
    var language: Language { lang?.language ?? .fromEnvironment() }

    /// Runs `body` on the open store, closing it after; a store error is said in the reader's language, exit 2.
    func withStore<T>(_ body: (BureauStore) async throws -> T) async throws -> T {
        let store: BureauStore
        do { store = try await BureauStore.open(location) } catch { throw fail(error) }
        do {
            let result = try await body(store)
            try? await store.close()
            return result
        } catch {
            try? await store.close()
            if let error = error as? StoreError { throw fail(error) }
            throw error
        }
    }

    /// Says a store error on stderr and gives exit code 2.
    func fail(_ error: StoreError) -> ExitCode {
        Output.error("tiaoqi: \(error.message.text(language))")
        return ExitCode(2)
    }
}

/// `--outcome done|cancelled|online|no-show`.
struct VisitStatusOption: ExpressibleByArgument {
    var status: VisitStatus

    init?(argument: String) {
        guard let status = VisitStatus(rawValue: argument.lowercased()), status != .planned else { return nil }
        self.status = status
    }
}

/// `--stage lead|contacted|…`.
struct ProjectStageOption: ExpressibleByArgument {
    var stage: ProjectStage

    init?(argument: String) {
        guard let stage = ProjectStage(rawValue: argument.lowercased()) else { return nil }
        self.stage = stage
    }
}

/// How a project's visits are held: `in-person`, `online` or `either` (线下, 线上, 均可).
struct MeetingModeOption: ExpressibleByArgument {
    var mode: MeetingMode

    init?(argument: String) {
        guard let mode = MeetingMode(word: argument) else { return nil }
        self.mode = mode
    }
}

/// A date as `YYYY-MM-DD`.
struct LocalDateOption: ExpressibleByArgument {
    var date: LocalDate

    init?(argument: String) {
        guard let date = LocalDate(iso: argument) else { return nil }
        self.date = date
    }
}

extension VisitStatus {
    /// The status in words.
    var messageKey: MessageKey {
        switch self {
        case .planned: .statusPlanned
        case .done: .statusDone
        case .cancelled: .statusCancelled
        case .online: .statusOnline
        case .noShow: .statusNoShow
        }
    }
}
