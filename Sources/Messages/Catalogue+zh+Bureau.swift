// The Chinese catalogue, fourth file: the bureau's report (`tiaoqi report`). `{name}` marks a value put in.

extension Catalogue {
    /// The Chinese templates of the bureau's report.
    static let chineseBureau: [MessageKey: String] = [
        .reportTitle:
            "招商工作统计：{from} 至 {to}，按{by}",
        .reportByTeam:
            "团队",
        .reportByLeader:
            "带队领导",
        .reportByStage:
            "项目阶段",
        .reportBySector:
            "产业",
        .reportByRegion:
            "区域",
        .reportNone:
            "（无）",
        .reportTotal:
            "全局合计",
        .reportTrips:
            "出访次数",
        .reportVisitsHeld:
            "已拜访",
        .reportVisitsOnline:
            "其中线上",
        .reportVisitsCalledOff:
            "取消或未到",
        .reportVisitsPlanned:
            "待拜访",
        .reportDelegations:
            "领导带队",
        .reportProjectsAt:
            "项目·{stage}",
        .reportExpected:
            "在谈项目预计投资（亿元）",
        .reportSigned:
            "期内签约",
        .reportSignedYuan:
            "签约投资（亿元）",
        .reportHowCounted:
            "出访：某人离开常驻城市、连续数日当面拜访客户即为一次出访；同日同城同行者合计一次，有领导同行的出访即一次领导带队。项目按当前阶段统计；期内签约指在本期内进入“签约”阶段。一次出访涉及多行时每行各计一次，故各行之和可能大于全局合计。",
        .reportHeatTitle:
            "招商热力图：各区域、各产业的拜访与目标权重对比",
        .reportHeatLegend:
            "每格为本期已拜访次数（下方括号内为在谈项目数）。颜色比较该格在全部拜访中的占比与目标权重给它的占比（区域权重 × 产业权重）：红色为被忽视（不足四分之一），橙色为不足，浅色为达标，绿色为超出；蓝色表示有拜访但无目标。",
        .reportHeatCell:
            "{region} × {sector}：已拜访 {visits} 次，在谈项目 {projects} 个；占拜访 {share}%，目标 {target}%",
        .reportHeatEmpty:
            "尚无可归入区域与产业的拜访或项目：请为城市指定区域（`regions.csv`），为客户或项目填写产业。",
    ]
}
