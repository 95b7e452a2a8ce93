// The Chinese catalogue, sixth file: the shared board's week pages, clash list and calendar subscriptions. `{name}`
// marks a value put in.

extension Catalogue {
    /// The Chinese templates of the board's week pages, clashes and calendars.
    static let chineseWeeks: [MessageKey: String] = [
        .boardBack:
            "返回计划板",
        .boardBadWeek:
            "表单没有给出周次（YYYY-MM-DD）；请刷新页面后重试。",
        .boardCalendarTitle:
            "我的日历订阅",
        .boardCalendarNav:
            "我的日历订阅",
        .boardCalendarNew:
            "下面是你新的订阅地址。把它加到手机或电脑的日历里（“订阅日历”）。为安全起见，它只在此刻显示一次，请复制保存。此前的地址已失效。",
        .boardCalendarMade:
            "你已有一个订阅地址，生成于 {time}（UTC）。地址只在生成时显示一次：如已遗失，请生成新地址（旧地址随即失效）。",
        .boardCalendarNone:
            "你还没有日历订阅。生成一个订阅地址，即可在手机日历中看到已发布的行程；团队每次发布后自动更新。",
        .boardCalendarMake:
            "生成新地址",
        .boardCalendarRevoke:
            "作废该地址",
        .boardChangesHeading:
            "与已发布版本相比的变化",
        .boardClashCount:
            "{errors} 个错误，{warnings} 个警告",
        .boardClashesHeading:
            "各团队周计划之间的冲突",
        .boardColumnDepart:
            "出发",
        .boardColumnFix:
            "处理建议",
        .boardColumnKind:
            "类型",
        .boardColumnPeople:
            "人员",
        .boardColumnPerson:
            "人员",
        .boardColumnService:
            "车次/航班",
        .boardColumnSeverity:
            "严重程度",
        .boardColumnState:
            "状态",
        .boardColumnTeams:
            "团队",
        .boardColumnTicket:
            "票务",
        .boardColumnTrip:
            "起止",
        .boardColumnWhat:
            "内容",
        .boardColumnWhen:
            "时间",
        .boardDiscardDraft:
            "不接受（丢弃草稿）",
        .boardDraftHeading:
            "草稿（尚未发布）",
        .boardDraftMade:
            "由 {account} 于 {time}（UTC）生成，基于第 {version} 版重新规划。",
        .boardDraftMadeNew:
            "由 {account} 于 {time}（UTC）生成，本周的首个计划。",
        .boardFailedTitle:
            "未能完成",
        .boardFindingsHeading:
            "审核结果",
        .boardMarkBought:
            "标记已购票",
        .boardNoChanges:
            "没有变化：已发布的计划仍然可行。",
        .boardNoDraft:
            "本周没有可发布的草稿；请先规划或重新规划。",
        .boardNoFindings:
            "审核未发现问题。",
        .boardNoSchedule:
            "找不到本周计划所依据的日程文件夹，因此无法在此检查或重新规划；请重新规划本周。",
        .boardNoStaff:
            "你的账户没有关联到工作人员，因此没有行程；请管理员设置（`tiaoqi account add … --staff`）。",
        .boardNoSuchVisit:
            "最新发布的计划中没有这次拜访；请刷新页面后重试。",
        .boardBadPinTime:
            "请以日期和时刻填写拜访的新时间（YYYY-MM-DDTHH:MM）。",
        .boardPinHeading:
            "锁定或改期拜访",
        .boardPinHint:
            "保留拜访时间即可将其锁定，修改时间即可改期，然后重新规划：该拜访以原有人员固定在该时间，本周其余安排围绕它重新规划；草稿会在发布前给出审核结论（或说明该时间为何不可行）。",
        .boardPinSubmit:
            "固定于此并重新规划",
        .boardNoSuchLeg:
            "最新发布的计划中没有这段行程；请刷新页面后重试。",
        .boardNoWeekYet:
            "你的团队还没有已发布的周计划。",
        .boardNothingPublished:
            "本周尚未发布。",
        .boardPipelineNav:
            "项目进展",
        .boardPlanHeading:
            "根据项目库的候选客户规划一周",
        .boardPlanSubmit:
            "规划本周",
        .boardPlanWeekLabel:
            "起始日",
        .boardPublishDraft:
            "接受并发布",
        .boardPublishedHeading:
            "已发布：第 {version} 版，{time}（UTC）",
        .boardReplan:
            "按最新日历重新规划",
        .boardStaleCalendars:
            "部分日历无法重新获取",
        .boardStaleWarning:
            "本周计划已与实际情况不符：请重新规划。",
        .boardStatisticsNav:
            "统计",
        .boardTicketBought:
            "已购票",
        .boardTicketsHeading:
            "票务",
        .boardWeekHolds:
            "可行",
        .boardWeekLink:
            "{week}（第 {version} 版）",
        .boardWeekStale:
            "已失效：{reasons}",
        .boardWeekTitle:
            "{team}：{week} 起的一周",
        .boardWeeksNav:
            "周次：",
        .serveDemoNotFound:
            "`--demo` 需要示例数据（`examples/bureau` 与 `schedules/2022-w10`）：请在 `Tiaoqi` 仓库目录下运行。",
        .serveDemoLoaded:
            "已将示例招商局数据载入 {db}。",
        .serveDemoAccounts:
            "演示账户：{accounts}（办事员、两位组长、协调员、管理员）；密码：{password}",
        .boardPipelineSummary:
            "截至 {day}：在谈项目 {open} 个，其中 {overdue} 个的下一步已逾期（已标出）。",
        .boardColumnProject:
            "项目",
        .boardColumnCompany:
            "企业",
        .boardColumnOwner:
            "负责人",
        .boardColumnNextStep:
            "下一步",
        .boardColumnDue:
            "截止日",
        .boardColumnLastNote:
            "最近记录",
        .boardOverdue:
            "已逾期",
        .weekWithoutCalendar:
            "以下客户没有日历源，未写入文件夹（无法得知其空闲时间，未知的时间不会被当作空闲来安排）：{clients}。请手工约定，或为该客户地点配置日历。",
    ]
}
