// 中文消息目录第七个文件：线上线下相结合的会见、向客户提供的可约时段、软性意愿。`{name}` 为填入的值。

extension Catalogue {
    /// 线上会见、可约时段与意愿的中文模板。
    static let chineseMeetings: [MessageKey: String] = [
        .inPersonSays:
            "线下：{text}",
        .onlineSays:
            "线上：{text}",
        .noOnlineTime:
            "{time} 之后双方没有共同空闲时间与 {client} 线上会见：共同空闲 {windows}",
        .onlineUnreachable:
            "改为线上，因为线下去不了：{why}",
        .onlineNotInWeek:
            "改为线上，因为线下排不进 {person} 的本周行程：{why}",
        .onlineSavesTravel:
            "改为线上，因为线下要多出行 {minutes}，超过计划为线下会见留出的 {weight}",
        .nowOnline:
            "改为线上",
        .nowInPerson:
            "改为线下",
        .visitOnlineNotAllowed:
            "{visit}安排为线上会见，但该客户只接受线下会见",
        .visitInPersonNotAllowed:
            "{visit}安排为线下会见，但该客户只接受线上会见",
        .badMeetingMode:
            "`mode` 应为 `in-person`、`online` 或 `either`（线下、线上或均可），而不是“{text}”",
        .badPreferredTime:
            "`preferred_time` 应为 `HH:MM-HH:MM`，如 `09:00-11:30`，而不是“{text}”",
        .badMeetingLink:
            "`online.link`“{text}”应为不含空格的网址（`https://…`）",
        .tableMeetOnline:
            "线上会见 {client}{about}{with}：",
        .tableParenthesis:
            "（{text}）",
        .tableOnlineCount:
            " · 其中线上 {count} 次",
        .icsVisitOnline:
            "线上会见：{client}",
        .icsOnline:
            "线上",
        .labelOnline:
            "线上",
        .offerUnknownClient:
            "日程中没有客户 {client}；客户编号见 `clients.csv`",
        .offerUnknownStaff:
            "日程中没有人员 {staff}；人员编号见 `plan.yaml`",
        .offerAlreadyBooked:
            "{client} 已有约定时间（`pinned`）：请改在 `clients.csv` 中调整",
        .offerMayNotLead:
            "{person} 不能带队拜访 {client}（见其 `eligible` 或 `language` 列）；请换一位可以带队的人员",
        .offerPlanBroken:
            "计划对 {person} 已不可行：{why}；请先重新排期（`tiaoqi plan --keep`）再提供时段",
    ]
}
