import Timeline

extension Message.Argument {
    /// `Tue` or `周二`.
    public static func weekday(_ day: Weekday) -> Message.Argument {
        .word([.mon, .tue, .wed, .thu, .fri, .sat, .sun][day.rawValue])
    }

    /// `Tue 2022-03-08` or `周二 2022-03-08`.
    public static func date(_ date: LocalDate) -> Message.Argument {
        .message(Message(.dayDate, ["weekday": .weekday(date.weekday), "date": .text(date.description)]))
    }

    /// `Tue 09:30` or `周二 09:30`: the local weekday and time of `instant` in `zone`.
    public static func dayClock(_ instant: Instant, _ zone: Zone) -> Message.Argument {
        let (date, time, _) = zone.local(instant)
        return .message(Message(.dayClock, ["weekday": .weekday(date.weekday), "clock": .text(time.description)]))
    }

    /// `Tue 09:30–11:00`: the local weekday and times of `interval` (the end's time only).
    public static func span(_ interval: Interval, _ zone: Zone) -> Message.Argument {
        .message(
            Message(.timeSpan, ["start": .dayClock(interval.start, zone), "end": .text(zone.clock(interval.end))]))
    }

    /// `2h05` or `2小时05分`.
    public static func hours(minutes: Int) -> Message.Argument {
        .message(
            Message(
                .hoursMinutes,
                [
                    "hours": .number(minutes / 60),
                    "minutes": .text((minutes % 60 < 10 ? "0" : "") + String(minutes % 60)),
                ]))
    }

    /// `¥1234`, rounded to the yuan.
    public static func yuan(_ value: Double) -> Message.Argument { .text("¥\(Int(value.rounded()))") }

    /// The intervals of `set` within `period` (at most four, then `…`), or `none`.
    public static func intervals(_ set: IntervalSet, within period: Interval, _ zone: Zone) -> Message.Argument {
        let shown = set.clipped(to: period)
        if shown.isEmpty { return .word(.none) }
        var parts = shown.intervals.prefix(4).map { Message.Argument.span($0, zone) }
        if shown.intervals.count > 4 { parts.append("…") }
        return .list(parts, .comma)
    }

    /// How old a cached copy is: `42 s`, `5 min`, `3 h 12 min`, `2 d 4 h`, or the same in Chinese.
    public static func age(seconds: Int) -> Message.Argument {
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
