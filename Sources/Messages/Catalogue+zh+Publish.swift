// The Chinese catalogue, seventh file: writing itineraries back into CalDAV calendars (`plan --publish-caldav`).
// `{name}` marks a value put in.

extension Catalogue {
    /// The Chinese templates of the CalDAV write-back.
    static let chinesePublish: [MessageKey: String] = [
        .publishHeading:
            "已写入 CalDAV 日历：",
        .publishPersonLine:
            "{staff}：新建 {created}，更新 {updated}，删除 {deleted}，未变 {unchanged}，保留日历中的改动 {kept}，拒绝覆盖（412）{refused}，失败 {failed}  {collection}",
        .publishPersonError:
            "已停止：{reason}",
        .publishEventLine:
            "{outcome} {uid}：{reason}",
        .publishEventLineStatus:
            "{outcome} {uid}（HTTP {status}）：{reason}",
        .publishNoReason:
            "服务器没有应答",
        .publishCreated: "新建",
        .publishUpdated: "更新",
        .publishDeleted: "删除",
        .publishUnchanged: "未变",
        .publishKept: "保留",
        .publishRefused: "拒绝覆盖",
        .publishFailed: "失败",
        .publishKeptDeleted:
            "跳棋写入后已在日历中被删除；计划对它没有新的改动，因此不再写入（计划改动后会重新写入）",
        .publishKeptChanged:
            "跳棋写入后已在日历中被修改，而计划对它没有新的改动：保留日历中的修改",
        .publishRefusedChanged:
            "跳棋写入后已在日历中被修改，因此没有用计划的新版本覆盖它；请查看该日程，若要采用计划的版本，请在日历中删除它，下次发布时会重新写入；也可以保留现状",
        .publishRefusedDropped:
            "计划中已没有这个日程，但它在跳棋写入后已在日历中被修改，因此没有删除；如已不需要，请手动删除",
        .publishKeepsChanging:
            "写入时该日程在服务器上不断变化；请重新发布",
        .publishNoETag:
            "服务器没有给出该日程的 `ETag`，无法安全地修改它；请重新发布，或检查服务器",
        .publishNotHTTP:
            "CalDAV 日历通过 HTTP 或 HTTPS 写入：请给出日历集合的 `http(s)://` 或 `caldav(s)://` 地址",
        .publishLocked:
            "另一个 `tiaoqi` 正在向这个日历发布（锁文件 {file}）；请等它结束后再发布",
        .publishRecordUnreadable:
            "无法读取发布记录 {file}；把它移走即可重新开始（日历中已有的日程会被识别，不会重复）",
        .publishRecordUnwritable:
            "无法写入发布记录 {file}（{reason}）；之后的请求均未发送",
        .publishListingRefused:
            "无法列出日历中的日程（PROPFIND）：{reason}；请检查地址（日历必须已存在）和凭据",
        .publishSkippedAudit:
            "独立检查未通过此计划，因此没有写入任何日历",
        .publishRefusedWarning:
            "有 {count} 个日程在跳棋写入后已在日历中被修改，已保持原样（412）；见上面的列表",
        .publishFailedWarning:
            "有 {count} 个日历未能完全写入；见上面的列表，然后重新发布",
        .publishNotSent:
            "未发送：向这个日历的发布在此之前已停止（原因见上）；请重新发布",
    ]
}
