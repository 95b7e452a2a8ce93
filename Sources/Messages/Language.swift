import Foundation

/// The language people read Tiaoqi's sentences in: Chinese or English.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case zh, en

    /// Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set, in that order) starts with `zh`, else English.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Language
    {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}
