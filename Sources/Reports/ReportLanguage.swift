import Audit
import Foundation
import Itinerary
import Timeline

/// The language of a report's labels.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    case zh, en

    /// Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set, in that order) starts with `zh`, else English.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ReportLanguage
    {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}

/// The HTML report's labels in one language.
struct ReportLabels {
    let language: ReportLanguage

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    var htmlLang: String { pick("zh-CN", "en") }
    var teams: String { pick("团队", "Teams") }
    var period: String { pick("日期", "Period") }
    var timeZone: String { pick("时区", "Time zone") }
    var clashes: String { pick("冲突", "Clashes") }
    var noClashes: String { pick("没有冲突。", "No clashes.") }
    var findings: String { pick("检查发现", "Findings") }
    var staleCalendars: String {
        pick("本计划使用了过期的日历副本：其服务器此次未能确认", "Planned from stale calendar copies: their servers did not confirm them now")
    }
    /// How long ago a stale copy was last confirmed, `age` already in words.
    func lastConfirmed(_ age: String) -> String { pick("距上次确认已 \(age)", "last confirmed \(age) ago") }
    var noFindings: String { pick("没有发现问题。", "No findings.") }
    var kind: String { pick("类型", "Kind") }
    var severity: String { pick("严重程度", "Severity") }
    var people: String { pick("人员", "People") }
    var clients: String { pick("客户", "Clients") }
    var time: String { pick("时间", "Time") }
    var explanation: String { pick("说明", "Explanation") }
    var fix: String { pick("建议", "Suggested fix") }
    var timelines: String { pick("每人周程", "Week per person") }
    var nothingPlanned: String { pick("本周无安排", "Nothing planned this week") }
    var map: String { pick("路线图", "Route map") }
    var handPlanLegend: String { pick("虚线：手写日程", "dashed: hand-made week") }
    var visits: String { pick("拜访明细", "Visits") }
    var noVisits: String { pick("没有拜访。", "No visits.") }
    var client: String { pick("客户", "Client") }
    var address: String { pick("地址", "Address") }
    var contact: String { pick("联系人", "Contact") }
    var city: String { pick("城市", "City") }
    var team: String { pick("团队", "Team") }
    var priority: String { pick("优先级", "Priority") }
    var mustVisit: String { pick("必访", "must-visit") }
    var hotel: String { pick("住宿", "Hotel") }
    var meet: String { pick("拜访", "Meet") }
    var handMade: String { pick("手写", "hand-made") }
    var home: String { pick("常驻", "home") }
    var booked: String { pick("已购票", "booked") }
    var generatedBy: String { pick("由 Tiaoqi 生成", "Made by Tiaoqi") }
    var perPerson: String { pick("每人出行与费用", "Travel and cost per person") }
    var travelTime: String { pick("路上时间", "Travel time") }
    var nights: String { pick("酒店晚数", "Hotel nights") }
    var tickets: String { pick("车票机票", "Tickets") }
    var hotels: String { pick("酒店", "Hotels") }
    var total: String { pick("合计", "Total") }
    var leftOut: String { pick("未安排的拜访", "Left out") }
    var nothingLeftOut: String { pick("所有拜访都已安排。", "Every visit is planned.") }
    var reasons: String { pick("原因", "Reasons") }
    var noTime: String { "—" }

    func severityName(_ severity: Clash.Severity) -> String {
        switch severity {
        case .error: pick("错误", "error")
        case .warning: pick("警告", "warning")
        }
    }

    /// "2 errors, 1 warning" or "错误 2 个，警告 1 个".
    func summary(errors: Int, warnings: Int) -> String {
        switch language {
        case .zh: return "错误 \(errors) 个，警告 \(warnings) 个"
        case .en: return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        }
    }

    func weekday(_ day: Weekday) -> String {
        language == .zh ? ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][day.rawValue] : day.displayName
    }

    /// `Mon 03-07` or `周一 03-07`.
    func day(_ date: LocalDate) -> String { "\(weekday(date.weekday)) \(date.description.dropFirst(5))" }
}
