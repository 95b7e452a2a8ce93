#!/usr/bin/env python3
"""Generate the sample week's clients.csv and feeds/*.ics (Tiaoqi, 2022-w10).

Standard library only and deterministic: running it twice gives byte-identical files.
plan.yaml is written by hand; this script only writes clients.csv and feeds/.

    python3 schedules/2022-w10/make_feeds.py          # writes the files, prints a busy-time table

What it makes:
  * clients.csv: 34 made-up client companies in 12 cities (see CLIENTS below).
  * feeds/client-<id>.ics: each client's busy time. A few hand-written events per client
    (recurring 例会 with RRULE/EXDATE, all-day 展会/外出考察, TRANSPARENT and CANCELLED events,
    UTC, floating and DURATION events), then seeded "filler" meetings until about 30-55 % of
    the client's business hours in the week 2022-03-07..11 are busy.
  * feeds/staff-<id>.ics: the bureau staff's own calendars (written by hand below).

Designed hard or impossible clients (see also README.md in this folder):
  * sz01 (Shenzhen): an opaque all-day 海外路演 covers the whole week: never available.
  * cd01 (Chengdu): free only Monday 09:00-10:00 (Chengdu local = Asia/Shanghai); nobody can
    be in Chengdu then (局务会 in Xuzhou until 10:00, travel from 06:30): impossible.
  * hz04 (Hangzhou): business hours 10:00-19:00, busy until 17:30 every day, 90-minute meeting;
    only Tue/Thu 17:30-19:00 are free, so only a person working until 19:00 (zhou) can meet it.
  * xa01 (Xi'an): 120-minute meeting, only two windows of >= 120 minutes (Wed 14:00-16:30,
    Thu 09:00-11:00) plus a Mon 15:30-17:30 window that cannot be reached after Monday's 局务会.
"""

import csv
import datetime as dt
import hashlib
import itertools
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FEEDS = os.path.join(HERE, "feeds")

MON, TUE, WED, THU, FRI = (dt.date(2022, 3, 7) + dt.timedelta(days=i) for i in range(5))
WEEK = [MON, TUE, WED, THU, FRI]
UTC_OFFSET = dt.timedelta(hours=8)  # Asia/Shanghai, no DST since 1991
DTSTAMP = "20220301T013000Z"
CRLF = "\r\n"

PRODID = {
    "outlook": "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    "google": "-//Google Inc//Google Calendar 70.9054//EN",
    "apple": "-//Apple Inc.//macOS 12.2.1//EN",
    "wecom": "-//Tencent//WeCom Calendar 4.0//ZH-CN",
    "dingtalk": "-//Alibaba//DingTalk Calendar 6.5//ZH-CN",
    "feishu": "-//ByteDance//Feishu Calendar 5.9//ZH-CN",
    "bureau": "-//Xuzhou Investment Promotion Bureau//OA Calendar 2.3//ZH-CN",
}

VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Shanghai",
    "X-LIC-LOCATION:Asia/Shanghai",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:CST",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def t(day, hhmm):
    """Local (Asia/Shanghai) naive datetime on `day` at "HH:MM"."""
    h, m = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(h, m))


class Ev:
    """One VEVENT. start/end are local Asia/Shanghai naive datetimes (or dates when form == "date").

    form: "tz" (TZID=Asia/Shanghai), "utc" (written as ...Z), "float" (floating), "date" (all-day).
    rrule: dict(freq="DAILY"|"WEEKLY", interval=, count=, until="YYYYMMDDTHHMMSSZ", byday=[...]).
    """

    def __init__(self, summary, start, end=None, *, duration=None, form="tz", rrule=None,
                 exdates=(), transp=None, status=None, location=None, desc=None):
        self.summary, self.start, self.form = summary, start, form
        self.duration = duration
        self.end = end if end is not None else start + duration
        self.rrule, self.exdates = rrule, list(exdates)
        self.transp, self.status = transp, status
        self.location, self.desc = location, desc

    @property
    def blocks(self):
        return self.transp != "TRANSPARENT" and self.status != "CANCELLED"

    def occurrences(self, include_excluded=False):
        """Local (start, end) of every instance (RRULE expanded, EXDATE removed) before 2023."""
        start = self.start if self.form != "date" else dt.datetime.combine(self.start, dt.time())
        end = self.end if self.form != "date" else dt.datetime.combine(self.end, dt.time())
        length = end - start
        if not self.rrule:
            yield start, start + length
            return
        r = self.rrule
        interval = r.get("interval", 1)
        until = None
        if "until" in r:
            until = dt.datetime.strptime(r["until"], "%Y%m%dT%H%M%SZ") + UTC_OFFSET
        ex = {x if isinstance(x, dt.datetime) else dt.datetime.combine(x, dt.time()) for x in self.exdates}
        if r["freq"] == "DAILY":
            cands = (start + dt.timedelta(days=k * interval) for k in itertools.count())
        else:
            days = sorted(["MO", "TU", "WE", "TH", "FR", "SA", "SU"].index(d) for d in r.get("byday", [])) \
                or [start.weekday()]
            week0 = start.date() - dt.timedelta(days=start.weekday())

            def gen():
                for w in itertools.count(0, interval):
                    for wd in days:
                        c = dt.datetime.combine(week0 + dt.timedelta(weeks=w, days=wd), start.time())
                        if c >= start:
                            yield c
            cands = gen()
        n = 0
        for c in cands:
            if c.year >= 2023 or (until and c > until) or ("count" in r and n >= r["count"]):
                break
            n += 1
            if c in ex and not include_excluded:
                continue
            yield c, c + length


# ----------------------------------------------------------------------------- serialisation

def esc(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """RFC 5545 3.1: lines of at most 75 octets, continuation = CRLF + one space; never split a
    UTF-8 character."""
    out, cur, n = [], "", 0
    for ch in line:
        b = len(ch.encode("utf-8"))
        if n + b > 75:
            out.append(cur)
            cur, n = " " + ch, 1 + b
        else:
            cur, n = cur + ch, n + b
    out.append(cur)
    return CRLF.join(out)


def dtprop(name, value, form):
    if form == "date":
        return f"{name};VALUE=DATE:{value:%Y%m%d}"
    if form == "tz":
        return f"{name};TZID=Asia/Shanghai:{value:%Y%m%dT%H%M%S}"
    if form == "utc":
        return f"{name}:{value - UTC_OFFSET:%Y%m%dT%H%M%S}Z"
    if form == "float":
        return f"{name}:{value:%Y%m%dT%H%M%S}"
    raise ValueError(form)


def duration_text(td):
    mins = int(td.total_seconds() // 60)
    h, m = divmod(mins, 60)
    return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")


def rrule_text(r):
    parts = [f"FREQ={r['freq']}"]
    if r.get("interval", 1) != 1:
        parts.append(f"INTERVAL={r['interval']}")
    if "count" in r:
        parts.append(f"COUNT={r['count']}")
    if "until" in r:
        parts.append(f"UNTIL={r['until']}")
    if r.get("byday"):
        parts.append("BYDAY=" + ",".join(r["byday"]))
    return "RRULE:" + ";".join(parts)


def vevent(ev, uid):
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{DTSTAMP}", dtprop("DTSTART", ev.start, ev.form)]
    if ev.duration is not None:
        lines.append(f"DURATION:{duration_text(ev.duration)}")
    else:
        lines.append(dtprop("DTEND", ev.end, ev.form))
    if ev.rrule:
        lines.append(rrule_text(ev.rrule))
    for x in ev.exdates:
        lines.append(dtprop("EXDATE", x, ev.form))
    lines.append(f"SUMMARY:{esc(ev.summary)}")
    if ev.location:
        lines.append(f"LOCATION:{esc(ev.location)}")
    if ev.desc:
        lines.append(f"DESCRIPTION:{esc(ev.desc)}")
    if ev.transp:
        lines.append(f"TRANSP:{ev.transp}")
    if ev.status:
        lines.append(f"STATUS:{ev.status}")
    lines.append("END:VEVENT")
    return lines


def write_ics(path, prodid, calname, domain, events):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{esc(calname)}", "X-WR-TIMEZONE:Asia/Shanghai"]
    if any(ev.form == "tz" for ev in events):
        lines += VTIMEZONE
    key = lambda ev: (ev.start if ev.form != "date" else dt.datetime.combine(ev.start, dt.time()), ev.summary)
    for i, ev in enumerate(sorted(events, key=key)):
        seed = f"{os.path.basename(path)}|{i}|{ev.summary}|{ev.start}"
        uid = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:20] + "@" + domain
        lines += vevent(ev, uid)
    lines.append("END:VCALENDAR")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(CRLF.join(fold(x) for x in lines) + CRLF)


# ----------------------------------------------------------------------------- clients

# id, name, city, address, lat, lon, priority, meeting_minutes, must_visit, business_hours,
# sector, e-mail domain, calendar software, time form of generated events, busy target
CLIENTS = [
    ("bj01", "北京芯域半导体科技有限公司", "beijing", "北京市海淀区中关村东路66号芯域大厦", 39.984000, 116.328000, 10, 90, "yes", "", "半导体", "xinyu-semi.com.cn", "outlook", "tz", 0.32),
    ("bj02", "北京启明智算科技有限公司", "beijing", "北京市朝阳区望京街10号望京SOHO T2 15层", 39.996000, 116.473000, 7, 60, "no", "", "人工智能", "qiming-ai.cn", "google", "tz", 0.42),
    ("bj03", "京创新能源汽车部件有限公司", "beijing", "北京经济技术开发区荣华中路22号", 39.795000, 116.506000, 8, 90, "no", "", "新能源", "jingchuang-ev.com", "dingtalk", "tz", 0.40),
    ("bj04", "北京华研生物医药有限公司", "beijing", "北京市丰台区海鹰路6号院丰台科技园", 39.828000, 116.290000, 5, 60, "no", "", "生物医药", "huayan-bio.com.cn", "wecom", "tz", 0.40),
    ("bj05", "中联远航供应链管理有限公司", "beijing", "北京市朝阳区东三环中路39号建外SOHO", 39.909000, 116.461000, 4, 45, "no", "08:30-17:00", "物流", "zlyh-scm.com", "feishu", "tz", 0.50),
    ("sh01", "上海微纳芯光电科技有限公司", "shanghai", "上海市浦东新区张江高科技园区祖冲之路887弄", 31.203000, 121.595000, 9, 90, "no", "", "半导体", "weinaxin.com", "outlook", "tz", 0.45),
    ("sh02", "上海瑞康百奥生物医药有限公司", "shanghai", "上海市浦东新区蔡伦路780号, 3号楼", 31.215000, 121.600000, 9, 120, "yes", "", "生物医药", "ruikang-bio.com", "outlook", "tz", 0.35),
    ("sh03", "上海临界新材料科技有限公司", "shanghai", "上海市徐汇区宜山路1388号漕河泾开发区", 31.172000, 121.408000, 6, 60, "no", "", "新材料", "linjie-materials.com", "apple", "tz", 0.40),
    ("sh04", "上海海纳智联物流有限公司", "shanghai", "上海市闵行区申长路988弄虹桥商务区", 31.196000, 121.318000, 3, 45, "no", "", "物流", "haina-logistics.cn", "feishu", "tz", 0.45),
    ("sh05", "上海云衡人工智能科技有限公司", "shanghai", "上海市杨浦区政立路485号", 31.303000, 121.510000, 7, 60, "no", "10:00-19:00", "人工智能", "yunheng.ai", "google", "tz", 0.45),
    ("su01", "苏州晶澜新材料科技有限公司", "suzhou", "江苏省苏州市苏州工业园区苏州大道东456号", 31.316000, 120.673000, 9, 90, "yes", "", "新材料", "jinglan-mat.com", "wecom", "tz", 0.30),
    ("su02", "苏州博远智能装备有限公司", "suzhou", "江苏省苏州市高新区狮山路199号", 31.297000, 120.545000, 6, 60, "no", "08:30-17:00", "工程机械", "boyuan-equip.com", "dingtalk", "tz", 0.45),
    ("su03", "苏州德曼精密部件有限公司（中德合资）", "suzhou", "江苏省苏州市相城区相城大道1588号", 31.370000, 120.640000, 5, 60, "no", "", "新能源汽车零部件", "dm-precision.de", "outlook", "utc", 0.40),
    ("su04", "苏州康沃生物科技有限公司", "suzhou", "江苏省苏州市苏州工业园区星湖街218号生物医药产业园", 31.272000, 120.715000, 7, 90, "no", "", "生物医药", "kangwo-bio.com", "feishu", "tz", 0.40),
    ("nj01", "南京江芯微电子有限公司", "nanjing", "江苏省南京市江北新区研创园团结路99号", 32.146000, 118.700000, 8, 90, "no", "", "半导体", "jiangxin-micro.com", "outlook", "tz", 0.40),
    ("nj02", "南京宁创人工智能研究院有限公司", "nanjing", "江苏省南京市雨花台区软件大道101号", 31.986000, 118.770000, 6, 60, "no", "", "人工智能", "ningchuang-ai.cn", "google", "tz", 0.38),
    ("nj03", "南京秦淮储能科技有限公司", "nanjing", "江苏省南京市江宁区双龙大道1539号", 31.945000, 118.820000, 7, 90, "no", "", "新能源", "qinhuai-ess.com", "dingtalk", "tz", 0.42),
    ("nj04", "南京金陵智慧物流有限公司", "nanjing", "江苏省南京市栖霞区尧新大道288号", 32.120000, 118.870000, 4, 45, "no", "", "物流", "jinling-logistics.cn", "wecom", "tz", 0.35),
    ("hz01", "杭州钱塘智能科技有限公司", "hangzhou", "浙江省杭州市滨江区网商路699号", 30.208000, 120.212000, 8, 60, "no", "", "人工智能", "qiantang-ai.com", "dingtalk", "tz", 0.42),
    ("hz02", "杭州西溪生物医药有限公司", "hangzhou", "浙江省杭州市余杭区文一西路1818号未来科技城", 30.285000, 120.030000, 5, 60, "no", "", "生物医药", "xixi-pharma.com", "apple", "tz", 0.40),
    ("hz03", "杭州之江新材料股份有限公司", "hangzhou", "浙江省杭州市上城区钱江路1366号", 30.250000, 120.210000, 6, 90, "no", "", "新材料", "zhijiang-nm.com", "outlook", "tz", 0.15),
    ("hz04", "杭州云栖数智科技有限公司", "hangzhou", "浙江省杭州市西湖区文三路478号", 30.279000, 120.130000, 7, 90, "no", "10:00-19:00", "人工智能", "yunqi-data.com", "dingtalk", "tz", None),
    ("hf01", "合肥皖能动力电池有限公司", "hefei", "安徽省合肥市经济技术开发区繁华大道5899号", 31.770000, 117.205000, 9, 90, "yes", "", "新能源", "wanneng-battery.com", "wecom", "tz", 0.35),
    ("hf02", "合肥量子智联科技有限公司", "hefei", "安徽省合肥市高新区望江西路800号", 31.835000, 117.135000, 7, 60, "no", "", "人工智能", "quantum-link.cn", "dingtalk", "tz", 0.40),
    ("wh01", "武汉光谷芯联光电有限公司", "wuhan", "湖北省武汉市东湖新技术开发区光谷大道77号", 30.508000, 114.400000, 7, 90, "no", "", "半导体", "xinlian-opto.com", "outlook", "tz", 0.40),
    ("wh02", "武汉长江重工机械有限公司", "wuhan", "湖北省武汉市汉阳区龙阳大道36号", 30.556000, 114.220000, 5, 60, "no", "08:30-17:00", "工程机械", "cjzg-machinery.com", "wecom", "tz", 0.40),
    ("xa01", "西安秦创航空新材料有限公司", "xian", "陕西省西安市雁塔区科技路48号", 34.233000, 108.895000, 6, 120, "no", "", "新材料", "qinchuang-aero.com", "outlook", "tz", None),
    ("qd01", "青岛港联智运物流有限公司", "qingdao", "山东省青岛市市南区香港中路61号", 36.063000, 120.395000, 4, 60, "no", "", "物流", "ganglian-log.com", "feishu", "tz", 0.45),
    ("qd02", "青岛蓝湾海洋生物科技有限公司", "qingdao", "山东省青岛市崂山区松岭路169号", 36.105000, 120.470000, 5, 60, "no", "", "生物医药", "lanwan-marine.com", "wecom", "tz", 0.40),
    ("sz01", "深圳鹏程新能源科技有限公司", "shenzhen", "广东省深圳市南山区高新南一道9号", 22.540000, 113.950000, 8, 60, "no", "", "新能源", "pengcheng-energy.com", "outlook", "tz", None),
    ("sz02", "深圳灵犀机器人有限公司", "shenzhen", "广东省深圳市福田区深南大道6008号", 22.540000, 114.045000, 6, 60, "no", "10:00-19:00", "人工智能", "lingxi-robot.com", "feishu", "tz", 0.45),
    ("cd01", "成都蓉芯微电子有限公司", "chengdu", "四川省成都市高新区天府大道中段1268号", 30.560000, 104.066000, 8, 60, "no", "", "半导体", "rongxin-ic.com", "wecom", "tz", None),
    ("xz01", "徐州恒岳重工机械有限公司", "xuzhou", "江苏省徐州市徐州经济技术开发区金水路18号", 34.275000, 117.330000, 6, 90, "no", "08:00-17:00", "工程机械", "hengyue-heavy.com", "dingtalk", "tz", 0.40),
    ("xz02", "徐州淮海云链物流有限公司", "xuzhou", "江苏省徐州市铜山区珠江路8号", 34.185000, 117.200000, 3, 45, "no", "", "物流", "huaihai-cloudchain.com", "wecom", "tz", 0.45),
]
FIELDS = ["id", "name", "city", "address", "lat", "lon", "priority", "meeting_minutes", "must_visit",
          "business_hours", "sector", "domain", "software", "form", "busy"]

GENERIC = ["管理层例会", "客户来访接待", "供应商商务洽谈", "财务审计沟通会", "招聘面试", "部门周报会",
           "安全生产检查", "政府部门调研接待", "合作伙伴电话会议", "投资人沟通会", "法务合同评审",
           "年度预算复盘", "员工培训", "项目立项评审", "董事长办公会", "战略合作签约仪式"]
BY_SECTOR = {
    "半导体": ["流片方案评审", "晶圆厂产能协调会", "封测供应商洽谈", "良率分析会", "EDA工具采购评审"],
    "生物医药": ["临床试验进度会", "GMP合规自查", "申报资料内部评审", "CRO合作洽谈", "药物安全性评估会"],
    "新能源": ["电芯产线验收", "储能项目投标评审", "电池安全测试评审", "整车厂技术对接", "光伏组件供应商洽谈"],
    "工程机械": ["整机下线检验", "海外经销商视频会", "液压件供应商洽谈", "售后质量分析会", "智能制造产线巡检"],
    "人工智能": ["算法模型评审", "算力平台采购会", "数据合规评审", "产品迭代评审", "大客户方案演示"],
    "新材料": ["中试线评审", "材料性能测试复盘", "下游客户认证对接", "专利布局讨论会", "环评工作协调会"],
    "物流": ["仓储调度会", "干线运力协调会", "冷链项目方案评审", "客户KPI复盘", "园区安全巡查"],
}
ROOMS = ["总部3楼第一会议室", "研发中心A座502", "线上（腾讯会议）", "董事长办公室", "二号楼大会议室",
         "生产基地会议室", "线上（飞书视频会议）", "行政楼201"]
DESCS = [
    "议程：1. 上周工作回顾；2. 本周重点任务部署；3. 重点客户与项目进展通报。\n请相关部门负责人准时参加，如需请假请提前报备综合管理部。",
    "会议材料已上传至共享盘“2022年Q1经营”目录，请参会人员会前审阅并准备问题清单。会议室投屏使用HDMI转接头，请自带笔记本电脑。",
    "Agenda: Q1 review, budget; headcount plan. Dial-in details in the invite, please join 5 minutes early.",
    "本次会议由公司董事长主持，涉及保密事项，请勿携带手机进入会场。会后形成纪要，由董事会办公室统一下发。",
]


def sector_pool(sector):
    for k, v in BY_SECTOR.items():
        if k in sector:
            return v
    return []


def hand_events(c):
    """The hand-written events of each client (everything else is filler)."""
    cid = c["id"]
    E = []
    if cid == "bj01":
        E.append(Ev("管理层周例会", t(dt.date(2022, 1, 10), "09:00"), t(dt.date(2022, 1, 10), "10:30"),
                    rrule=dict(freq="WEEKLY", byday=["MO"]), exdates=[t(MON, "09:00")], location="总部18层董事会议室",
                    desc="每周一管理层例会。3月7日例会因董事长赴京参加全国两会相关活动取消，顺延至下周一。"))
        E.append(Ev("董事会（2022年第一次定期会议）", t(WED, "14:00"), t(WED, "17:00"), location="总部18层董事会议室",
                    desc=DESCS[3]))
        E.append(Ev("季度经营分析会", t(dt.date(2022, 3, 4), "14:00"), t(dt.date(2022, 3, 4), "17:00")))
        E.append(Ev("接待台积电供应链考察团", t(dt.date(2022, 3, 15), "09:30"), t(dt.date(2022, 3, 15), "12:00")))
    elif cid == "bj02":
        E.append(Ev("与硅谷合作方视频会议（时差会议）", t(TUE, "09:00"), t(TUE, "10:30"), form="utc", location="线上（Zoom）"))
        E.append(Ev("产品周会", t(dt.date(2022, 2, 8), "16:00"), t(dt.date(2022, 2, 8), "17:00"),
                    rrule=dict(freq="WEEKLY", until="20220331T000000Z", byday=["TU", "TH"]), location="望京SOHO T2 1503"))
        E.append(Ev("双周技术评审会", t(dt.date(2022, 2, 28), "10:00"), t(dt.date(2022, 2, 28), "11:30"),
                    rrule=dict(freq="WEEKLY", interval=2, byday=["MO"], count=10)))
        E.append(Ev("午餐（可约）", t(WED, "12:00"), t(WED, "13:00"), transp="TRANSPARENT"))
    elif cid == "bj03":
        E.append(Ev("生产晨会", t(MON, "08:45"), t(MON, "09:15"), rrule=dict(freq="DAILY", count=5), location="亦庄工厂调度室"))
        E.append(Ev("外出考察（河北保定电机供应商）", THU, FRI, form="date", transp="OPAQUE",
                    desc="全天外出，赴保定考察电机供应商产线，当晚返京。"))
    elif cid == "bj04":
        E.append(Ev("研发项目例会", t(dt.date(2022, 1, 5), "09:30"), t(dt.date(2022, 1, 5), "11:00"),
                    rrule=dict(freq="WEEKLY", byday=["WE"], until="20220630T000000Z")))
        E.append(Ev("GMP迎检（北京市药监局）", t(TUE, "13:30"), t(TUE, "17:30"), location="丰台生产基地"))
    elif cid == "bj05":
        E.append(Ev("运营日报会", t(MON, "08:30"), t(MON, "09:00"), rrule=dict(freq="DAILY", count=5)))
        E.append(Ev("客户年度招标答辩", t(THU, "13:00"), t(THU, "16:00"), location="客户现场（顺义）"))
    elif cid == "sh01":
        E.append(Ev("投资人路演（B轮）", t(WED, "13:30"), t(WED, "16:00"), status="CANCELLED",
                    desc="因投资方行程变动，本次路演取消，另行通知。"))
        E.append(Ev("良率攻关周会", t(dt.date(2022, 1, 6), "14:00"), t(dt.date(2022, 1, 6), "15:30"),
                    rrule=dict(freq="WEEKLY", byday=["TH"])))
    elif cid == "sh02":
        E.append(Ev("临床运营例会", t(dt.date(2022, 1, 4), "09:00"), t(dt.date(2022, 1, 4), "10:30"),
                    rrule=dict(freq="WEEKLY", until="20220630T000000Z", byday=["TU", "TH"]),
                    exdates=[t(THU, "09:00")], desc="3月10日（周四）例会暂停一次，临床团队赴医院开展中心启动会。"))
        E.append(Ev("三八国际妇女节", TUE, WED, form="date", transp="TRANSPARENT", desc="女职工下午放假半天。"))
        E.append(Ev("药审中心沟通会（线上）", t(WED, "10:00"), t(WED, "12:00"), location="线上"))
    elif cid == "sh03":
        E.append(Ev("专注时间（可预约）", t(TUE, "14:00"), t(TUE, "17:00"), transp="TRANSPARENT"))
        E.append(Ev("专注时间（可预约）", t(THU, "14:00"), t(THU, "17:00"), transp="TRANSPARENT"))
    elif cid == "sh04":
        E.append(Ev("仓储调度会", t(MON, "09:00"), t(MON, "09:30"), rrule=dict(freq="DAILY", count=5)))
    elif cid == "sh05":
        E.append(Ev("新品发布会彩排", t(THU, "13:00"), t(THU, "18:00"), location="西岸艺术中心"))
    elif cid == "su01":
        E.append(Ev("客户认证审核（德国汽车主机厂）", t(TUE, "09:00"), t(TUE, "12:00"), location="园区工厂"))
        E.append(Ev("生产经营分析会", t(dt.date(2022, 1, 7), "14:00"), t(dt.date(2022, 1, 7), "15:30"),
                    rrule=dict(freq="WEEKLY", byday=["FR"])))
    elif cid == "su02":
        E.append(Ev("安全生产晨会", t(MON, "08:30"), t(MON, "08:50"), rrule=dict(freq="DAILY", count=5)))
    elif cid == "su03":
        E.append(Ev("全球运营周会 Global Ops Weekly", t(dt.date(2022, 1, 4), "15:00"), t(dt.date(2022, 1, 4), "16:00"),
                    form="utc", rrule=dict(freq="WEEKLY", byday=["TU"]), exdates=[t(dt.date(2022, 2, 1), "15:00")],
                    desc="Weekly sync with Stuttgart HQ; cancelled on Chinese New Year (2022-02-01)."))
        E.append(Ev("德方总部审计 HQ audit", t(WED, "09:00"), t(WED, "12:00"), form="utc"))
    elif cid == "su04":
        E.append(Ev("产业园消防演练", t(WED, "10:00"), t(WED, "11:00"), location="BioBAY园区"))
    elif cid == "nj01":
        E.append(Ev("双周技术评审会", t(dt.date(2022, 2, 23), "14:00"), t(dt.date(2022, 2, 23), "16:00"),
                    rrule=dict(freq="WEEKLY", interval=2, byday=["WE"], until="20220630T000000Z")))
    elif cid == "nj02":
        E.append(Ev("午餐（可约）", t(TUE, "12:00"), t(TUE, "13:00"), transp="TRANSPARENT"))
        E.append(Ev("午休", t(MON, "12:00"), t(MON, "13:00"), rrule=dict(freq="DAILY", count=5)))
    elif cid == "nj03":
        E.append(Ev("储能电站项目评审", t(TUE, "14:00"), duration=dt.timedelta(hours=2), location="江宁总部三楼",
                    desc="评审对象：如东200MW/400MWh储能电站EPC方案。参会：技术中心、工程部、财务部。"))
    elif cid == "nj04":
        E.append(Ev("外出考察（连云港港口物流园）", THU, FRI, form="date"))
    elif cid == "hz01":
        E.append(Ev("周一战略会", t(dt.date(2022, 1, 3), "09:30"), t(dt.date(2022, 1, 3), "11:30"),
                    rrule=dict(freq="WEEKLY", byday=["MO"])))
    elif cid == "hz02":
        E.append(Ev("CRO合作洽谈（时间待对方确认）", t(WED, "10:00"), t(WED, "11:30"), form="float"))
    elif cid == "hz03":
        E.append(Ev("春季展会（中国国际新材料产业博览会）", WED, FRI, form="date",
                    desc="3月9日至10日全员赴展会，展位号N3-A18。"))
    elif cid == "hf01":
        E.append(Ev("经营例会", t(dt.date(2022, 1, 7), "09:00"), t(dt.date(2022, 1, 7), "10:30"),
                    rrule=dict(freq="WEEKLY", byday=["FR"]), exdates=[t(FRI, "09:00")],
                    desc="3月11日经营例会暂停，改为书面汇报。"))
        E.append(Ev("电芯二期产线投产仪式", t(WED, "09:30"), t(WED, "11:30"), location="经开区二期厂房"))
    elif cid == "hf02":
        E.append(Ev("实验室开放日", t(THU, "13:30"), t(THU, "17:30"), transp="TRANSPARENT"))
    elif cid == "wh01":
        E.append(Ev("光谷园区政策宣讲会", t(MON, "14:00"), t(MON, "16:00")))
    elif cid == "wh02":
        E.append(Ev("春季工程机械展会（长沙）", WED, THU, form="date"))
    elif cid == "qd01":
        E.append(Ev("港口集疏运协调会", t(TUE, "09:00"), t(TUE, "11:00"), location="前湾港区"))
    elif cid == "qd02":
        E.append(Ev("科研项目中期检查", t(THU, "09:00"), t(THU, "12:00")))
    elif cid == "sz01":
        E.append(Ev("海外路演（新加坡、吉隆坡）", MON, dt.date(2022, 3, 12), form="date", transp="OPAQUE",
                    desc="董事长及高管团队3月7日至11日赴东南亚路演，期间不安排国内会见。"))
        E.append(Ev("出发前准备会", t(dt.date(2022, 3, 4), "15:00"), t(dt.date(2022, 3, 4), "17:00")))
        E.append(Ev("路演复盘会", t(dt.date(2022, 3, 14), "10:00"), t(dt.date(2022, 3, 14), "12:00")))
    elif cid == "sz02":
        E.append(Ev("机器人新品评审", t(WED, "14:00"), t(WED, "17:00")))
    elif cid == "cd01":
        E.append(Ev("董事会暨年度预算审议会", t(MON, "10:00"), t(MON, "17:30"), location="公司总部一号会议室",
                    desc="全天会议，董事及高管出席。上午9:00—10:00前可安排简短会见。"))
        E.append(Ev("出国考察（德国、荷兰半导体设备厂商）", TUE, dt.date(2022, 3, 12), form="date", transp="OPAQUE"))
    elif cid == "xz01":
        E.append(Ev("早班生产调度会", t(MON, "08:00"), t(MON, "08:30"), rrule=dict(freq="DAILY", count=5)))
        E.append(Ev("新型起重机整机下线仪式", t(WED, "09:30"), t(WED, "11:00"), location="经开区总装车间"))
    elif cid == "xz02":
        E.append(Ev("淮海经济区物流合作座谈", t(TUE, "14:00"), t(TUE, "16:00")))
    return E


# Clients whose week is laid out by hand through explicit free windows (the rest is busy).
WINDOWS = {
    "hz04": {MON: [], TUE: [("17:30", "19:00")], WED: [], THU: [("17:30", "19:00")], FRI: []},
    "xa01": {MON: [("15:30", "17:30")], TUE: [], WED: [("09:00", "10:30"), ("14:00", "16:30")],
             THU: [("09:00", "11:00")], FRI: [("09:00", "10:00")]},
}


def bh_of(c):
    return (c["business_hours"] or "09:00-17:30").split("-")


def subtract(lo, hi, cuts):
    """[lo, hi) minus the intervals in cuts -> list of free intervals."""
    free, cur = [], lo
    for a, b in sorted(cuts):
        if b <= cur or a >= hi:
            continue
        if a > cur:
            free.append((cur, a))
        cur = max(cur, b)
    if cur < hi:
        free.append((cur, hi))
    return free


def pick_summary(rng, c):
    pool = sector_pool(c["sector"])
    if pool and rng.random() < 0.55:
        return rng.choice(pool)
    return rng.choice(GENERIC)


def filler(c, events, rng):
    """Seeded meetings until ~c["busy"] of the business hours of each working day are busy."""
    out = []
    b0, b1 = bh_of(c)
    form = c["form"]
    for day in WEEK:
        lo, hi = t(day, b0), t(day, b1)
        taken = []  # everything hand-written (also transparent/cancelled/EXDATE'd slots stay free)
        for ev in events:
            taken += [o for o in ev.occurrences(include_excluded=True)]
        taken = [(a, b) for a, b in taken if a < hi + dt.timedelta(hours=1) and b > lo - dt.timedelta(hours=1)]
        busy_now = sum((min(b, hi) - max(a, lo)).total_seconds() / 60
                       for ev in events if ev.blocks for a, b in ev.occurrences() if a < hi and b > lo)
        target = (hi - lo).total_seconds() / 60 * min(0.7, max(0.15, c["busy"] + rng.uniform(-0.15, 0.15)))
        tries = 0
        while busy_now < target and tries < 300:
            tries += 1
            dur = dt.timedelta(minutes=rng.choice([30, 45, 60, 60, 90, 90, 120]))
            slots = int(((hi - lo) + dt.timedelta(minutes=30)).total_seconds() // 1800)
            start = lo - dt.timedelta(minutes=30) + dt.timedelta(minutes=30 * rng.randrange(slots + 1))
            end = start + dur
            if end > hi + dt.timedelta(minutes=60) or end <= lo or start >= hi:
                continue
            if any(a < end and b > start for a, b in taken):
                continue
            if busy_now + (min(end, hi) - max(start, lo)).total_seconds() / 60 > target + 30:
                continue
            summary = pick_summary(rng, c)
            ev = Ev(summary, start, end, form=form,
                    location=rng.choice(ROOMS) if rng.random() < 0.6 else None,
                    desc=rng.choice(DESCS) if rng.random() < 0.2 else None)
            out.append(ev)
            taken.append((start, end))
            busy_now += (min(end, hi) - max(start, lo)).total_seconds() / 60
    # a couple of events just outside the planning week
    for day in (dt.date(2022, 3, 4), dt.date(2022, 3, 14)):
        h = rng.choice(["09:30", "10:00", "14:00", "15:00"])
        out.append(Ev(pick_summary(rng, c), t(day, h), t(day, h) + dt.timedelta(minutes=90), form=form))
    return out


def fill_windows(c, rng):
    """Busy everywhere in business hours except WINDOWS[c.id]; back-to-back meetings."""
    out = []
    b0, b1 = bh_of(c)
    for day, wins in WINDOWS[c["id"]].items():
        cuts = [(t(day, a), t(day, b)) for a, b in wins]
        for a, b in subtract(t(day, b0), t(day, b1), cuts):
            cur = a
            while cur < b:
                piece = min(b - cur, dt.timedelta(minutes=rng.choice([60, 90, 120, 150])))
                if dt.timedelta(0) < b - cur - piece < dt.timedelta(minutes=30):
                    piece = b - cur
                out.append(Ev(pick_summary(rng, c), cur, cur + piece, form=c["form"],
                              location=rng.choice(ROOMS) if rng.random() < 0.5 else None))
                cur += piece
    out.append(Ev("周末加班：季度总结", t(dt.date(2022, 3, 5), "10:00"), t(dt.date(2022, 3, 5), "12:00"), form=c["form"]))
    return out


def client_busy_fraction(c, events):
    b0, b1 = bh_of(c)
    total = busy = 0.0
    for day in WEEK:
        lo, hi = t(day, b0), t(day, b1)
        total += (hi - lo).total_seconds() / 60
        iv = []
        for ev in events:
            if not ev.blocks:
                continue
            for a, b in ev.occurrences():
                if a < hi and b > lo:
                    iv.append((max(a, lo), min(b, hi)))
        free = subtract(lo, hi, iv)
        busy += (hi - lo).total_seconds() / 60 - sum((b - a).total_seconds() / 60 for a, b in free)
    return busy / total


# ----------------------------------------------------------------------------- staff

def staff_events():
    def juwuhui():
        return Ev("局务会", t(dt.date(2022, 1, 3), "08:30"), t(dt.date(2022, 1, 3), "10:00"),
                  rrule=dict(freq="WEEKLY", byday=["MO"]), exdates=[t(dt.date(2022, 1, 31), "08:30")],
                  location="市投资促进局四楼会议室",
                  desc="每周一上午局务会：通报上周招商工作、部署本周重点客商拜访。1月31日（除夕）停开一次。")

    liu = [
        juwuhui(),
        Ev("市政府常务会议（列席）", t(MON, "14:30"), t(MON, "17:00"), location="市政府一号楼第一会议室"),
        Ev("接待来访客商（淮海经济区合作项目）", t(TUE, "09:00"), t(TUE, "11:30"), location="局接待室"),
        Ev("与新加坡投资机构视频会议", t(TUE, "14:00"), t(TUE, "15:00"), form="utc", location="线上（Zoom）"),
        Ev("市人大代表座谈会", t(THU, "14:00"), t(THU, "16:00"), status="CANCELLED",
           desc="因会期调整，本次座谈会取消。"),
        Ev("党组理论学习中心组学习", t(FRI, "09:00"), t(FRI, "10:30"), location="局四楼会议室"),
        Ev("局长办公会", t(FRI, "14:00"), t(FRI, "16:30"), location="局四楼会议室"),
        Ev("全国两会会期（关注政策动向）", dt.date(2022, 3, 5), dt.date(2022, 3, 12), form="date", transp="TRANSPARENT"),
        Ev("市委常委会（列席）", t(dt.date(2022, 3, 4), "09:00"), t(dt.date(2022, 3, 4), "12:00")),
        Ev("赴南京参加全省招商工作会议", dt.date(2022, 3, 15), dt.date(2022, 3, 17), form="date"),
    ]
    zhou = [
        juwuhui(),
        Ev("一处处室例会", t(dt.date(2022, 1, 7), "09:00"), t(dt.date(2022, 1, 7), "10:00"),
           rrule=dict(freq="WEEKLY", byday=["FR"], until="20220701T000000Z"), location="一处办公室"),
        Ev("提醒：报送本周招商线索表", t(FRI, "16:00"), t(FRI, "16:15"), transp="TRANSPARENT"),
        Ev("重点项目周调度会", t(FRI, "15:00"), t(FRI, "16:30"), location="局四楼会议室"),
        Ev("赴深圳招商（下周）", dt.date(2022, 3, 14), dt.date(2022, 3, 16), form="date"),
    ]
    chen = [
        juwuhui(),
        Ev("线上招商推介会（腾讯会议）", t(WED, "08:30"), t(WED, "09:30"), location="线上"),
        Ev("项目台账更新", t(TUE, "17:00"), t(TUE, "18:00"), form="float",
           desc="浮动时间：无论身在何处，按当地时间17:00更新招商项目台账。"),
        Ev("二处处室例会", t(dt.date(2022, 1, 6), "16:30"), t(dt.date(2022, 1, 6), "17:30"),
           rrule=dict(freq="WEEKLY", byday=["TH"], count=20), exdates=[t(dt.date(2022, 2, 3), "16:30")]),
        Ev("年休假", dt.date(2022, 3, 3), dt.date(2022, 3, 5), form="date"),
    ]
    sun = [
        juwuhui(),
        Ev("全市招商引资业务能力培训", t(THU, "14:00"), t(THU, "17:30"), location="市委党校报告厅",
           desc="市商务局、市投资促进局联合举办，内容：产业链招商、基金招商、项目评估与风险防控。全体招商三处人员参加。"),
        Ev("三八国际妇女节", TUE, WED, form="date", transp="TRANSPARENT"),
        Ev("项目签约材料准备", t(MON, "14:00"), t(MON, "15:30"), location="三处办公室"),
        Ev("健康体检", t(dt.date(2022, 3, 14), "08:00"), t(dt.date(2022, 3, 14), "11:00")),
    ]
    return [("liu", "刘海峰 日程", liu), ("zhou", "周建华 日程", zhou), ("chen", "陈思远 日程", chen),
            ("sun", "孙雅婷 日程", sun)]


# ----------------------------------------------------------------------------- main

# Who may lead, who must come along, and when (the optional columns of clients.csv; docs/FORMATS.md):
# the deputy director liu joins two delegations (bj01, su01), hf02 is already booked for zhou on Monday
# afternoon, su03 meets in English, wh01 wants the semiconductor desk, sh05 asked for chen or sun,
# xa01 must happen by Thursday and bj05 not before Wednesday, and hz02 follows up on hz01.
RULES = {
    "bj01": {"with": "liu"},
    "su01": {"with": "liu"},
    "hf02": {"with": "zhou", "pinned": "mon 15:00"},
    "su03": {"language": "en"},
    "wh01": {"eligible": "半导体"},
    "sh05": {"eligible": "chen;sun"},
    "xa01": {"latest_day": "thu"},
    "bj05": {"earliest_day": "wed"},
    "hz02": {"after": "hz01"},
}
RULE_COLUMNS = ["eligible", "language", "with", "earliest_day", "latest_day", "after", "pinned"]
# Made-up contacts (the numbers are not real): whom the officer calls on the day.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


def contact(index):
    return f"{SURNAMES[index % len(SURNAMES)]}经理 0000-{index + 1:04d}"


def main():
    os.makedirs(FEEDS, exist_ok=True)
    clients = [dict(zip(FIELDS, row)) for row in CLIENTS]
    assert len({c["id"] for c in clients}) == len(clients)

    with open(os.path.join(HERE, "clients.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "name", "city", "address", "lat", "lon", "priority", "meeting_minutes", "calendar",
                    "must_visit", "business_hours", "sector"] + RULE_COLUMNS + ["contact"])
        for index, c in enumerate(clients):
            w.writerow([c["id"], c["name"], c["city"], c["address"], f"{c['lat']:.6f}", f"{c['lon']:.6f}",
                        c["priority"], c["meeting_minutes"], f"feeds/client-{c['id']}.ics", c["must_visit"],
                        c["business_hours"], c["sector"]] + [RULES.get(c["id"], {}).get(k, "") for k in RULE_COLUMNS]
                       + [contact(index)])

    print(f"{'id':5} {'city':9} pri min must  busy")
    for c in clients:
        rng = random.Random("tiaoqi-2022w10-" + c["id"])
        events = hand_events(c)
        if c["id"] in WINDOWS:
            events += fill_windows(c, rng)
        elif c["busy"] is not None:
            events += filler(c, events, rng)
        frac = client_busy_fraction(c, events)
        print(f"{c['id']:5} {c['city']:9} {c['priority']:3} {c['meeting_minutes']:3} {c['must_visit']:4} {frac:5.0%}")
        write_ics(os.path.join(FEEDS, f"client-{c['id']}.ics"), PRODID[c["software"]], c["name"] + " 日程",
                  c["domain"], events)

    for sid, calname, events in staff_events():
        write_ics(os.path.join(FEEDS, f"staff-{sid}.ics"), PRODID["bureau"], calname, "xzinvest.gov.cn", events)


if __name__ == "__main__":
    main()
