// The Chinese catalogue, fifth file: the shared board (`tiaoqi serve`) and its accounts (`tiaoqi account`). `{name}`
// marks a value put in.

extension Catalogue {
    /// The Chinese templates of the shared board.
    static let chineseBoard: [MessageKey: String] = [
        .boardName:
            "Tiaoqi 共享计划板",
        .boardLoginTitle:
            "登录",
        .boardLoginAccount:
            "账号",
        .boardLoginPassword:
            "密码",
        .boardLoginSubmit:
            "登录",
        .boardLoginFailed:
            "账号或密码不正确。",
        .boardSignedInAs:
            "当前用户：{name}（{role}）",
        .boardSignOut:
            "退出登录",
        .boardRoleOfficer:
            "招商专员",
        .boardRoleLead:
            "组长",
        .boardRoleCoordinator:
            "协调员",
        .boardRoleAdmin:
            "管理员",
        .boardWeeksTitle:
            "各团队已发布的周计划",
        .boardTeamWeeksTitle:
            "团队 {team} 已发布的周计划",
        .boardColumnTeam:
            "团队",
        .boardColumnWeek:
            "周起始日",
        .boardColumnVersion:
            "版本",
        .boardColumnPublished:
            "发布时间（UTC）",
        .boardNoWeeks:
            "尚无已发布的周计划。",
        .boardNoTeam:
            "你的账号未分配团队，请联系管理员。",
        .boardForbiddenTitle:
            "无权访问",
        .boardForbidden:
            "你的角色无权打开此页面。",
        .boardBadFormTitle:
            "表单被拒绝",
        .boardBadForm:
            "表单已过期或并非来自本站，请刷新页面后重试。",
        .serveListening:
            "共享计划板已在 {url} 启动（数据库：{db}）；按 `Ctrl-C` 停止。",
        .accountAdded:
            "已保存账号 {id}：{name}，{role}。",
        .accountEmptyPassword:
            "未提供密码：请在标准输入中给出一行非空的密码。",
        .accountBadID:
            "账号只能由小写字母、数字、`_`、`.` 和 `-` 组成，{id} 不符合。",
        .accountNeedsTeam:
            "招商专员和组长的账号须给出 `--team`。",
        .accountUnknownTeam:
            "数据库中没有团队 {team}。",
        .accountNone:
            "尚无账号：请用 `tiaoqi account add` 添加。",
        .accountColumnID:
            "账号",
        .accountColumnName:
            "姓名",
        .accountColumnRole:
            "角色",
        .accountColumnStaff:
            "人员",
        .accountDisabled:
            "已停用",
    ]
}
