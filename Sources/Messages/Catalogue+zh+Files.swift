// 中文目录第三部分：读取时刻表（GTFS 时刻表、`services.csv`）、CSV、文本和 zip 文件时的错误。
// `{name}` 是代入的值；请保留每条模板中的占位符。

extension Catalogue {
    /// The Chinese templates of the errors in reading timetables: GTFS feeds, services.csv, CSV, text and zip files.
    static let chineseFiles: [MessageKey: String] = [
        .csvQuoteNeverClosed: "引号括起的字段没有结束；请补上结尾的 `\"`",
        .csvTooManyFields: "这一行有 {count} 个字段，但表头只有 {width} 列；含逗号的字段请用引号括起",
        .csvEmptyFile: "文件是空的；须有一行表头",
        .csvColumnTwice: "第 {first} 列和第 {second} 列都叫“{column}”；请改名或删去其中一列，以明确以哪一列为准",
        .csvMissingColumns: "缺少列 {columns}；现在的表头是 {header}",
        .csvEmptyField: "“{column}”为空；每一行都须填写",
        .csvNotInteger: "“{column}”的值是“{text}”；它必须是 {low} 到 {high} 之间的整数",
        .csvNotDecimal: "“{column}”的值是“{text}”；它必须是 {low} 到 {high} 之间的普通小数（如 31.25，不用指数或十六进制）",
        .fileUnreadable: "无法读取该文件；请检查文件是否存在、你是否有权读取",
        .textLineNeither:
            "这一行既不是 UTF-8 也不是 GB18030（GBK）文本，而它之前的各行都能按 GB18030 读取：请修正或删去其中的错误字节，或重新保存文件（在 Excel 中：另存为“CSV UTF-8”）",
        .textUTF16: "是 UTF-16 文本；请另存为 UTF-8（在多数编辑器中：选“另存为”，编码选 UTF-8）",
        .textNUL: "有 NUL 字节（是 UTF-16 文本还是二进制文件？）",
        .textMustBeText: "文件必须是文本",
        .textDeclaredButUTF8:
            "该文件是 UTF-8 文本，而不是 `plan.yaml` 的 `encoding:` 所说的 GB18030；请删去 `encoding:`（或写 `encoding: utf-8`）",
        .textNotGB18030:
            "按 `plan.yaml` 的 `encoding:` 设置，文件应是 GB18030（或 GBK）文本，但这一行不是；请把文件重新存为 GB18030（在中文 Windows 的 Excel 中：另存为“CSV（逗号分隔）”），或存为 UTF-8 并删去 `encoding:`",
        .textBadByte: "字节 {byte} 不是 UTF-8",
        .textBadByteAtEnd: "文件末尾的字节不是 UTF-8",
        .textNeither:
            "文件必须是 UTF-8 或 GB18030（GBK）文本，而它两者都不是：请另存为 UTF-8（在 Excel 中：另存为“CSV UTF-8”），或在 `plan.yaml` 中用 `encoding:` 写明其编码",
        .textNotDeclaredUTF8:
            "按 `plan.yaml` 中 `encoding: utf-8` 的设置，文件必须是 UTF-8 文本：请另存为 UTF-8（在 Excel 中：另存为“CSV UTF-8”）；如果它是 GB18030 或 GBK，请在 `plan.yaml` 中写 `encoding: gb18030`",
        .textOnlyUTF8: "文件必须是 UTF-8 文本：请另存为 UTF-8（在 Excel 中：另存为“CSV UTF-8”；`iconv -f GBK -t UTF-8` 可把 GBK 转为 UTF-8）",
        .networkDoesNotExist: "不存在；请给出 GTFS 文件夹或 `.zip` 文件（`plan.yaml` 的 `network:`，或 `--network`）",
        .networkNotFolderOrZip: "既不是文件夹，也不是 `.zip` 文件；请给出 GTFS 文件夹或 `.zip` 文件",
        .networkFeedNameTwice: "与 {other} 的时刻表名称同为“{name}”；请将其中一个改名，以免两者的编号相混",
        .networkNoTimetable: "其中没有时刻表（应为含 `agency.txt` 的 GTFS 时刻表、`services.csv`、`.zip` 文件，或含有它们的子文件夹）",
        .gtfsFileMissing: "缺少该文件；交通网络需要它",
        .gtfsTimeZoneNotIANA: "`time_zone`“{zone}”不是 IANA 时区名",
        .gtfsAgencyZone: "`agency_timezone` 必须是 IANA 时区名，如 `Asia/Shanghai`",
        .gtfsRouteType: "`route_type` {type} 不是铁路（2、100–117）、航空（1100–1199）或大巴（3、200–209、700–717）",
        .gtfsCalendarEndBeforeStart: "`end_date` {end} 早于 `start_date` {start}；请对调两者，或改正年份",
        .gtfsNoService: "`calendar.txt` 和 `calendar_dates.txt` 都没有定义任何服务",
        .gtfsFareUnknown: "`fare_id`“{fare}”不在 `fare_attributes.txt` 中",
        .gtfsBadDate: "`{column}`“{text}”不是 YYYYMMDD 格式的日期",
        .gtfsTimeNotHMS: "`{column}`“{text}”不是 H:MM:SS 格式的时间（小时可以超过 24）",
        .gtfsTimePastLatest:
            "`{column}`“{text}”晚于 Tiaoqi 能读取的最晚时间 {hours}:00:00；只有跨过午夜的车次，时间才会超过 24:00:00，请修正时间，或在 `calendar.txt` 中让该车次使用后一天的服务",
        .gtfsFrequencyBadTime: "`{column}`“{text}”不是 {hours}:00:00 以内的 H:MM:SS 时间",
        .gtfsFrequencyEndNotAfterStart: "`end_time` 不晚于 `start_time`；车次从 `start_time` 起按间隔发车，到 `end_time` 之前为止",
        .gtfsFrequencyTooManyTrips:
            "这一行会生成 {count} 个车次，超过 Tiaoqi 从一行读取的上限 {most} 个；请加大 `headway_secs`，或在 `stop_times.txt` 中逐一列出车次",
        .gtfsFrequencyTripUnknown: "`trip_id`“{trip}”不在 `trips.txt` 中；请添加该车次，或删去这一行",
        .gtfsFrequencyNoFirstTime: "车次“{trip}”要按间隔发车，须在 `stop_times.txt` 中有首站带时间的行",
        .gtfsFrequencyPastLatest: "{time} 出发的车次到达站点“{stop}”时将晚于 Tiaoqi 能读取的最晚时间 {hours}:00:00；请让按间隔发车的时段早些结束",
        .gtfsTransferNotStop: "“{id}”不是 `stops.txt` 中的 `stop_id`；请写 `stops.txt` 中定义的站点、站台或车站",
        .gtfsTransferEntrance: "“{id}”是出入口或节点（`location_type` {kind}）；换乘只能在站点、站台或车站之间",
        .servicesNeedsCities:
            "同一文件夹中须有 `cities.csv` 和 `city_stops.csv`（每个车站都要有 `name`、`lat` 和 `lon`）；见 `docs/FORMATS.md`",
        .servicesNoCity: "没有城市；请每个城市写一行",
        .servicesNoService: "没有班次；请为每个班次的每一站写一行",
        .servicesEndedBefore: "上一行没有 `depart`，所以 {service} 已在那里结束；请为 {service} 的这一段另写 `days` 或日期，或在上一行填上 `depart`",
        .servicesModeDiffers: "`mode`“{mode}”与 {service} 前面各行不同；一个班次只有一种交通方式",
        .servicesModeEmpty: "`mode` 为空；{service} 的第一行须写 `train`、`flight` 或 `bus`",
        .servicesFirstRowNeeds: "{service} 的第一行须有 `days`（如 1234567）、`valid_from` 和 `valid_to`（如 2022-01-10）",
        .servicesBadMode: "`mode`“{mode}”不是 `train`、`flight` 或 `bus`",
        .servicesUnknownStop:
            "站点“{stop}”不是 `city_stops.csv` 中的 `stop_id` 或名称；请把该车站加到那里（`stop_id`、`city_id`、`name`、`lat`、`lon`）",
        .servicesBadTime: "`{column}`“{text}”不是时间，应写如 08:15、25:10 或 01:10+1",
        .servicesTimeTooLate: "`{column}`“{text}”距班次首日零点超过 {hours} 小时，超出 Tiaoqi 能读取的范围",
        .servicesOneStop: "{service} 只有一站；请按顺序每站写一行，至少两站",
        .servicesValidToBefore: "`valid_to` {to} 早于 `valid_from` {from}；请对调两者，或改正年份",
        .servicesNoTime: "每一站都须写 `arrive` 或 `depart`（或两者都写）",
        .servicesBackwards: "时间在这里倒退了；次日的时间写作 01:10+1（或 25:10）",
        .servicesOutsideDay: "这个时间换算到首站所在的时区后，落在当天之外",
        .servicesBadDays: "`days`“{text}”须由数字 1–7 组成（1 为星期一……7 为星期日），如 1234567 或 12345",
        .servicesBadDate: "`{column}`“{text}”不是日期，应写如 2022-01-10",
        .zipTooLarge: "大小为 {length} 字节，超过 Tiaoqi 从一个压缩包读取的上限 {most} 兆字节；请删去不需要的文件（`shapes.txt`），或拆分时刻表",
        .zipBroken: "不是可读的 ZIP 压缩包：{why}",
        .zipNoEnd: "找不到中央目录结尾（下载不完整？）",
        .zipEndDamaged: "中央目录结尾已损坏",
        .zipDirectoryDamaged: "中央目录已损坏",
        .zipSizesImpossible: "为 {name} 记录的大小不可能成立",
        .zipTooManyFiles: "含有 {count} 个文件，超过 Tiaoqi 从一个压缩包读取的上限 {most} 个；请只压缩时刻表的文件",
        .zipTotalTooLarge:
            "解压后共 {total} 字节（{name}：{size}），超过 Tiaoqi 从一个压缩包读取的上限 {most} 兆字节；请删去不需要的文件（`shapes.txt`），或拆分时刻表",
        .zipEncrypted: "已加密；请先解压，或导出时不设密码",
        .zipEntryTooLarge: "解压后为 {size} 字节，超过 Tiaoqi 从压缩包中单个文件读取的上限 {most} 兆字节；请拆分时刻表，或删去不需要的内容",
        .zipBomb:
            "解压后膨胀 {ratio} 倍（{compressed} 字节解压为 {size} 字节或更多），超过 Tiaoqi 对 {floor} 兆字节以上文件接受的 {most} 倍：看起来像压缩炸弹；请自行解压并检查",
        .zipNoLocalHeader: "目录所指的位置没有本地文件头；压缩包已损坏",
        .zipCutShort: "内容不完整；压缩包被截断了",
        .zipTwoSizes: "记录了两个不同的大小",
        .zipMethod: "使用了压缩方法 {method}；Tiaoqi 只读取未压缩或以 DEFLATE 压缩的文件，请重新压缩",
        .zipCRC: "未通过 CRC-32 校验；压缩包已损坏",
        .zipNoZlib: "无法解压：`zlib` 无法启动",
        .zipNotDeflate: "不是有效的 DEFLATE 数据；压缩包已损坏",
        .zipInflatesPast: "解压后超过压缩包为它记录的 {size} 字节；压缩包已损坏或是恶意构造的",
        .zipInflatesShort: "解压后不是压缩包记录的 {size} 字节",
    ]
}
