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
        .meetingInPerson:
            "线下",
        .meetingOnline:
            "线上",
        .meetingEither:
            "线上线下均可",
        .boardColumnMeeting:
            "会见方式",
        .logModeChanged:
            "项目 {project} 今后的会见方式：{mode}",
        .offerUnknownClient:
            "日程中没有客户 {client}；客户编号见 `clients.csv`",
        .offerUnknownStaff:
            "日程中没有人员 {staff}；人员编号见 `plan.yaml`",
        .offerAlreadyBooked:
            "{client} 已有约定时间（`clients.csv` 的 `pinned`，或 `offers.json` 中已接受的时段）：请改为调整该约定",
        .offerMayNotLead:
            "{person} 不能带队拜访 {client}（见其 `eligible` 或 `language` 列）；请换一位可以带队的人员",
        .offerPlanBroken:
            "计划对 {person} 已不可行：{why}；请先重新排期（`tiaoqi plan --keep`）再提供时段",
        .offersInvalid:
            "无法读取时段记录：{problem}；请从备份恢复 `offers.json`，或删除它以清除全部提供的时段和约定",
        .offersVersion:
            "`offers.json` 的版本 {version} 本程序不能读取（只读版本 1）：请使用写出它的 Tiaoqi",
        .offerAcceptedUnknown:
            "已接受的时段涉及客户 {client} 或人员 {staff}，日程中已没有：不予约定",
        .offerAcceptedButPinned:
            "{client} 有已接受的时段，但 `clients.csv` 已约定其拜访时间：以 `pinned` 列为准",
        .replyUnreadable:
            "无法读取回复：请检查路径（客户发回的 `.ics` 文件）",
        .replyNotCalendar:
            "这不是 iCalendar 文件（没有 `BEGIN:VCALENDAR`）：请传入客户发回的 `.ics`",
        .replyNotReply:
            "文件的 `METHOD` 是 {method}，不是 `REPLY` 或 `COUNTER`：请传入客户对邀请的答复，而不是邀请本身",
        .replyNoProposedStart:
            "{uid} 的改期提议没有可读的 `DTSTART` 时间（UTC、已知的 `TZID` 或当地时间）：请客户重新提议时间",
        .offerCounterRefused:
            "{client} 提议改在 {time}，{person} 本周的行程无法安排（到不了、参会者没有空闲或违反计划规则）：原邀请仍然有效；可用 `tiaoqi offer {id} --staff {staff} --invite FILE` 提供其他时段",
        .offerAnswerConfirmed:
            "已约定：{client} 与 {person} 于此时间会见。",
        .offerAnswerWithdrawn:
            "已撤回：此时间不再提供。",
        .offerAnswerCounterDeclined:
            "所提议的时间 {date} {clock} 无法排入 {person} 本周的行程（到不了、参会者没有空闲或违反计划规则）；原先提供的时间仍然有效。",
        .offerAnswerWritten:
            "已将给客户日历的答复（每个文件单独发送一封邮件）写入 {files}：确认 {confirmed} 个，撤回 {cancelled} 个，拒绝 {declined} 个改期提议。",
        .offerAnswerNothing:
            "此答复无需回复（没有约定、撤回或拒绝的时段）：{folder} 中未写入文件。",
        .replyNoUID:
            "答复中有日程缺少 `UID`：请客户用日历应用答复",
        .replyNoPartstat:
            "{uid} 的答复没有带 `PARTSTAT` 的 `ATTENDEE`：请客户在日历应用中接受或拒绝",
        .replyEmpty:
            "答复没有回应任何日程",
        .replyUnknownUID:
            "答复回应的 {uid} 并非由本日程提供：请确认它答复的是本日程的邀请",
        .replySlotClosed:
            "答复接受了 {uid}，但该时段状态为 {status}：请用 `tiaoqi offer --invite` 重新提供时段",
        .offerNone:
            "本周没有 {person} 可以会见 {client} 的时段。",
        .offerHeading:
            "{person} 可以会见 {client} 的 {count} 个时段：",
        .offerExtraTravel:
            "多出行 {minutes}",
        .offerExtraNights:
            "多住 {nights} 晚",
        .offerExtraCost:
            "多花 {cost}",
        .offerMoves:
            "需调整对 {clients} 的拜访",
        .offerFree:
            "不影响现有行程",
        .offerSlot:
            "{time}–{end} 线下：{costs}",
        .offerSlotOnline:
            "{time}–{end} 线上：{costs}",
        .offerInviteSummary:
            "{client} 与 {person}：拟定会见",
        .offerInviteSummaryOnline:
            "{client} 与 {person}：拟定线上会见",
        .offerInviteDescription:
            "共提供 {count} 个时间（此为第 {index} 个）：请接受合适的一个，并拒绝其余时间。",
        .offerInvited:
            "已将含 {count} 个时段的邀请写入 {file}；时段已记录在 {book}。",
        .offerBooked:
            "已约定 {client} 由 {person} 于 {time} 会见：下一次 `tiaoqi plan` 将保留此安排。",
        .offerDeclined:
            "{client} 拒绝了 {count} 个时段。",
        .offerNeedsPlanOrSchedule:
            "请指定日程文件夹（`--schedule`）或由其生成的 `plan.json`（`--plan`）",
        .offerNeedsClient:
            "请指定客户和人员：`tiaoqi offer CLIENT --staff ID`",
        .wishLunchRule:
            "{day} 在 {hours} 内留不出 {length} 分钟午休（差 {minutes} 分钟），而计划的意愿将其定为硬性规则",
        .wishWaitRule:
            "将在外地等候 {minutes} 分钟，超过计划意愿允许的 {limit} 分钟",
        .wishHotelRule:
            "{city} 一晚住宿 {price}，超过差旅标准上限 {cap}",
        .wishLunchUnmet:
            "{person}：{day} 在 {hours} 内没有 {length} 分钟午休，差 {minutes} 分钟",
        .wishWaitingUnmet:
            "{person}：在外地等候共 {minutes}（最长 {longest}）",
        .wishAwayUnmet:
            "{person}：离家在外 {minutes}",
        .wishHotelUnmet:
            "{person}：{day} 在 {city} 住宿 {price}，超过上限 {cap}",
        .wishPreferredUnmet:
            "{client}：有 {minutes} 分钟不在其偏好时段 {hours} 内",
        .wishBalanceVisitsUnmet:
            "工作量：{busiest} 拜访 {most} 次，{least} {fewest} 次",
        .wishBalanceTravelUnmet:
            "工作量：{busiest} 路上 {most}，{least} {fewest}",
        .tableUnmetWishes:
            "未满足的意愿（{count}）：",
        .tablePerDiem:
            " · 出差补助 {perDiem}，本周合计 {total}",
        .badWish:
            "`wishes.{key}` 应为权重（折合路上分钟数，不小于 0）或 `rule`，而不是“{text}”",
    ]
}
