import Messages

extension Message.Argument {
    /// How old a cached copy is: `42 s`, `5 min`, `3 h 12 min`, `2 d 4 h`, or the same in Chinese.
    static func age(seconds: Int) -> Message.Argument {
        let seconds = max(0, seconds)
        return switch seconds {
        case ..<120: .message(Message(.ageSeconds, ["seconds": .number(seconds)]))
        case ..<3_600: .message(Message(.ageMinutes, ["minutes": .number(seconds / 60)]))
        case ..<86_400:
            .message(Message(.ageHours, ["hours": .number(seconds / 3_600), "minutes": .number(seconds % 3_600 / 60)]))
        default:
            .message(
                Message(.ageDays, ["days": .number(seconds / 86_400), "hours": .number(seconds % 86_400 / 3_600)]))
        }
    }
}
