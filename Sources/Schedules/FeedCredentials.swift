import Feeds
import Foundation
import GTFS
import Messages
import Yams

/// `feeds:` in plan.yaml: where feed credentials come from, host by host, and whether they may go over plain http.
public struct FeedSettings: Sendable {
    /// An environment variable holding `user:password` for one host (`credentials_env: {HOST: VARIABLE}`).
    public struct HostVariable: Sendable {
        /// The host it is for, lower-cased.
        public var host: String
        /// The variable's name.
        public var variable: String
        /// Its line in plan.yaml.
        public var line: Int
    }

    /// A netrc-style file (`credentials_file`), as written (relative to the plan's folder).
    public var credentialsFile: String?
    /// The line of `credentials_file`.
    public var credentialsFileLine = 1
    /// Variables by host (`credentials_env`).
    public var hostVariables: [HostVariable] = []
    /// `allow_insecure_auth: true`: credentials may go over plain http (a trusted network only).
    public var allowInsecureAuth = false

    /// No `feeds:` section.
    public init() {}

    /// Reads the `feeds:` mapping.
    init(_ node: Node, reader: YAMLReader) throws(ScheduleError) {
        let map = try reader.mapping(node, "feeds")
        try reader.checkKeys(map, PlanKeys.feeds)
        credentialsFile = try reader.string(map, "credentials_file", optional: true)
        credentialsFileLine = map.line(of: "credentials_file") ?? map.line
        if let value = map["credentials_env"] {
            guard case .mapping = value else {
                throw ScheduleError(
                    file: reader.file, line: map.line(of: "credentials_env"),
                    Message(.credentialsEnvNotMapping))
            }
            let hosts = try reader.mapping(value, "credentials_env")
            for (host, _, line) in hosts.pairs {
                guard !host.isEmpty, !host.contains(where: { $0 == "/" || $0 == ":" || $0 == "@" || $0.isWhitespace })
                else {
                    throw ScheduleError(
                        file: reader.file, line: line,
                        Message(.credentialsEnvBadHost, ["host": .text(host)]))
                }
                hostVariables.append(
                    HostVariable(host: host.lowercased(), variable: try reader.string(hosts, host), line: line))
            }
        }
        if let value = map["allow_insecure_auth"] {
            guard let flag = value.bool else {
                throw ScheduleError(
                    file: reader.file, line: map.line(of: "allow_insecure_auth"),
                    Message(.allowInsecureNotBool))
            }
            allowInsecureAuth = flag
        }
    }
}

/// Picks each feed's credentials by its host, and refuses to send any over plain http unless allowed. Sources, first
/// match wins: the URL's own `user:password@`; `credentials_env` naming the host; `--netrc FILE`; plan.yaml's
/// `credentials_file`; `~/.netrc` (only without `--netrc`).
struct FeedCredentials {
    /// Credentials found for a host, and where they were found (for messages).
    struct Found {
        var userPassword: String
        var file: String
        var line: Int
        var origin: Message
    }

    private var variables: [String: Found] = [:]
    private var netrcs: [(file: String, line: Int?, shown: String, netrc: Netrc)] = []
    private let allowInsecure: Bool
    private let planPath: String?
    /// Said to the user: variables named but not set.
    private(set) var warnings: [Message] = []

    /// Reads the files and variables that `options` and the plan name; a file named explicitly must be readable.
    init(options: FeedOptions, settings: FeedSettings = FeedSettings(), planPath: String? = nil, folder: String? = nil)
        throws(ScheduleError)
    {
        allowInsecure = options.allowInsecureAuth || settings.allowInsecureAuth
        self.planPath = planPath
        let environment = ProcessInfo.processInfo.environment
        for entry in settings.hostVariables where variables[entry.host] == nil {
            let origin = Message(
                .originVariable,
                ["variable": .text(entry.variable), "place": .text("\(planPath ?? "plan.yaml"):\(entry.line)")])
            guard let value = environment[entry.variable], !value.isEmpty else {
                warnings.append(
                    Message.at(
                        planPath ?? "plan.yaml", line: entry.line,
                        Message(
                            .credentialsVariableUnset, ["variable": .text(entry.variable), "host": .text(entry.host)])))
                continue
            }
            guard value.contains(":") else {
                throw ScheduleError(
                    file: planPath ?? "plan.yaml", line: entry.line,
                    Message(.credentialsVariableBad, ["variable": .text(entry.variable)]))
            }
            variables[entry.host] = Found(
                userPassword: value, file: planPath ?? "plan.yaml", line: entry.line, origin: origin)
        }
        if let file = options.netrcFile { try netrcs.append(Self.read(file, shown: file, cited: nil, planPath: nil)) }
        if let file = settings.credentialsFile {
            let path = file.hasPrefix("/") || folder == nil ? file : (folder! as NSString).appendingPathComponent(file)
            try netrcs.append(Self.read(path, shown: file, cited: settings.credentialsFileLine, planPath: planPath))
        }
        if options.netrcFile == nil, let home = environment["HOME"] {
            let path = (home as NSString).appendingPathComponent(".netrc")
            // Nobody named ~/.netrc: one that cannot be read is a warning (no credentials from it), not a stop for every
            // command, even one with only local calendars.
            if FileManager.default.fileExists(atPath: path) {
                do {
                    try netrcs.append(Self.read(path, shown: "~/.netrc", cited: nil, planPath: nil))
                } catch {
                    warnings.append(
                        Message(.credentialsFileSkipped, ["error": .message(error.located)]))
                }
            }
        }
    }

    private static func read(_ path: String, shown: String, cited: Int?, planPath: String?) throws(ScheduleError) -> (
        String, Int?, String, Netrc
    ) {
        // Through a file handle, so that `--netrc /dev/null` (no credentials at all) reads as an empty file.
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.readToEnd() ?? Data() else {
            if let cited, let planPath {
                throw ScheduleError(
                    file: planPath, line: cited,
                    Message(.credentialsFileUnreadableInPlan, ["file": .text(shown)]))
            }
            throw ScheduleError(file: shown, Message(.credentialsFileUnreadable))
        }
        do {
            return (path, cited, shown, try Netrc(text: String(decoding: data, as: UTF8.self)))
        } catch {
            throw ScheduleError(file: shown, line: error.line, error.sentence)
        }
    }

    /// The source to fetch for `location`, named at `file:line`; throws when credentials would go over plain http.
    func source(for location: FeedLocation, window: (start: String, end: String)?, file: String, line: Int?)
        throws(ScheduleError) -> FeedSource
    {
        var source = FeedSource(location: location, window: window, allowInsecureAuth: allowInsecure)
        guard !location.isFile, let host = location.host else { return source }
        let insecure = location.isPlainHTTP && !allowInsecure
        let advice = Message.Argument.word(.insecureAdvice)
        if location.hasUserInfo {
            guard !insecure else {
                throw ScheduleError(
                    file: file, line: line,
                    Message(.urlCredentialsInsecure, ["location": .text(location.redacted), "advice": advice]))
            }
            // A user name alone is a hint: the password comes from the host's entry for that login.
            if let login = location.loginHint, let found = lookup(host), found.userPassword.hasPrefix(login + ":") {
                source.credentials = found.userPassword
            }
            return source
        }
        guard let found = lookup(host) else { return source }
        guard !insecure else {
            throw ScheduleError(
                file: found.file, line: found.line,
                Message(
                    .hostCredentialsInsecure,
                    [
                        "origin": .message(found.origin), "host": .text(host), "location": .text(location.redacted),
                        "place": .text("\(file)\(line.map { ":\($0)" } ?? "")"), "advice": advice,
                    ]))
        }
        source.credentials = found.userPassword
        return source
    }

    private func lookup(_ host: String) -> Found? {
        if let found = variables[host] { return found }
        for (_, cited, shown, netrc) in netrcs {
            guard let entry = netrc.entry(forHost: host) else { continue }
            let origin = "\(shown):\(entry.line)"
            if let cited, let planPath {
                return Found(
                    userPassword: entry.userPassword, file: planPath, line: cited,
                    origin: Message(.originFile, ["place": .text(origin)]))
            }
            return Found(
                userPassword: entry.userPassword, file: shown, line: entry.line, origin: Message(.originThisEntry))
        }
        return nil
    }
}
