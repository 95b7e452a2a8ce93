#!/usr/bin/env python3
"""Generate Tiaoqi's ILLUSTRATIVE GTFS network for the 2022 spring timetable, Mon 2022-01-10 .. Thu 2022-06-30.

The sample week Mon 2022-03-07 .. Sun 2022-03-13 runs as it always has (its G203 cancellation and G210 extra);
the season's public holidays change the weekday and weekend services (see HOLIDAYS and MAKEUP_WORKDAYS).

The timetable is made up (realistic corridors, stations, running times, train and flight
numbers and fares) but it is NOT an official China Railway (12306) or airline timetable.

Usage:  python3 generate.py        (stdlib only; deterministic; writes next to this file)

Run times are computed from approximate line chainages (km) and line speeds:
    run(A->B) = pass-through minutes between A and B / speed_factor + 4 min (braking + accelerating)
with a 2 minute dwell at every intermediate stop. Rail fares are second class, priced per km of
line chainage (G/C 0.46 CNY/km, D 0.31 CNY/km, D sleeper 0.55 CNY/km, rounded to 0.5 CNY); economy
air fares are 350 + 0.5 CNY per great-circle km, rounded to 10 and clamped to 600..1400 CNY.

After writing, the script reads the files back, checks referential integrity and prints counts;
it exits with status 1 on any error.
"""

import csv
import datetime
import math
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TZ = "Asia/Shanghai"
# The timetable season: the 2022 spring timetable.
START_DATE, END_DATE = "20220110", "20220630"
# The sample week (schedules/2022-w10) inside it.
WEEK_DATES = ["202203%02d" % d for d in range(7, 14)]
# Public holidays of 2022 in the season (State Council notice), and the weekend days worked in their place.
HOLIDAYS = {
    "Spring Festival": ["20220131", "20220201", "20220202", "20220203", "20220204", "20220205", "20220206"],
    "Qingming": ["20220403", "20220404", "20220405"],
    "Labour Day": ["20220430", "20220501", "20220502", "20220503", "20220504"],
    "Dragon Boat": ["20220603", "20220604", "20220605"],
}
MAKEUP_WORKDAYS = ["20220129", "20220130", "20220402", "20220424", "20220507"]
DWELL = 2          # minutes at intermediate stops
STOP_PENALTY = 4   # minutes lost braking into / accelerating out of a served stop (per run)

CORE_CITIES = ["xuzhou", "beijing", "shanghai", "suzhou", "nanjing", "hefei", "hangzhou", "wuhan",
               "xian", "qingdao", "shenzhen", "chengdu", "jinan", "zhengzhou", "tianjin", "guangzhou"]

# city_id, English name, Chinese name, city-centre lat, lon
CITIES = [
    ("xuzhou", "Xuzhou", "徐州", 34.2610, 117.1859),
    ("beijing", "Beijing", "北京", 39.9042, 116.4074),
    ("shanghai", "Shanghai", "上海", 31.2304, 121.4737),
    ("suzhou", "Suzhou", "苏州", 31.2990, 120.5853),
    ("nanjing", "Nanjing", "南京", 32.0603, 118.7969),
    ("hefei", "Hefei", "合肥", 31.8206, 117.2272),
    ("hangzhou", "Hangzhou", "杭州", 30.2741, 120.1551),
    ("wuhan", "Wuhan", "武汉", 30.5928, 114.3055),
    ("xian", "Xi'an", "西安", 34.3416, 108.9398),
    ("qingdao", "Qingdao", "青岛", 36.0671, 120.3826),
    ("shenzhen", "Shenzhen", "深圳", 22.5431, 114.0579),
    ("chengdu", "Chengdu", "成都", 30.5728, 104.0668),
    ("jinan", "Jinan", "济南", 36.6512, 117.1201),
    ("zhengzhou", "Zhengzhou", "郑州", 34.7466, 113.6253),
    ("tianjin", "Tianjin", "天津", 39.1256, 117.1902),
    ("guangzhou", "Guangzhou", "广州", 23.1291, 113.2644),
    # intermediate cities on the corridors
    ("dezhou", "Dezhou", "德州", 37.4355, 116.3575),
    ("taian", "Tai'an", "泰安", 36.2000, 117.0875),
    ("qufu", "Qufu", "曲阜", 35.5810, 116.9865),
    ("zaozhuang", "Zaozhuang", "枣庄", 34.8107, 117.3237),
    ("bengbu", "Bengbu", "蚌埠", 32.9163, 117.3893),
    ("changzhou", "Changzhou", "常州", 31.8107, 119.9741),
    ("wuxi", "Wuxi", "无锡", 31.4912, 120.3119),
    ("zhenjiang", "Zhenjiang", "镇江", 32.1878, 119.4250),
    ("jiaxing", "Jiaxing", "嘉兴", 30.7461, 120.7555),
    ("shangqiu", "Shangqiu", "商丘", 34.4143, 115.6564),
    ("luoyang", "Luoyang", "洛阳", 34.6197, 112.4540),
    ("wuhu", "Wuhu", "芜湖", 31.3525, 118.4330),
    ("huzhou", "Huzhou", "湖州", 30.8927, 120.0868),
    ("luan", "Lu'an", "六安", 31.7349, 116.5078),
    ("lianyungang", "Lianyungang", "连云港", 34.5967, 119.2216),
    ("rizhao", "Rizhao", "日照", 35.4164, 119.5269),
    ("weifang", "Weifang", "潍坊", 36.7069, 119.1618),
    ("baoding", "Baoding", "保定", 38.8739, 115.4646),
    ("shijiazhuang", "Shijiazhuang", "石家庄", 38.0428, 114.5149),
    ("xinyang", "Xinyang", "信阳", 32.1470, 114.0913),
    ("yueyang", "Yueyang", "岳阳", 29.3572, 113.1289),
    ("changsha", "Changsha", "长沙", 28.2282, 112.9388),
    ("hengyang", "Hengyang", "衡阳", 26.8934, 112.5720),
    ("shaoguan", "Shaoguan", "韶关", 24.8105, 113.5972),
    ("dongguan", "Dongguan", "东莞", 23.0207, 113.7518),
    ("hanzhong", "Hanzhong", "汉中", 33.0677, 107.0230),
    ("guangyuan", "Guangyuan", "广元", 32.4355, 105.8436),
    ("mianyang", "Mianyang", "绵阳", 31.4675, 104.6796),
]

# stop_id, Chinese name, English name, lat, lon, city_id   (approximate real positions)
STATIONS = [
    ("BJS", "北京南", "Beijing South", 39.8652, 116.3786, "beijing"),
    ("BJW", "北京西", "Beijing West", 39.8946, 116.3213, "beijing"),
    ("TJS", "天津南", "Tianjin South", 39.0573, 117.0612, "tianjin"),
    ("TJW", "天津西", "Tianjin West", 39.1595, 117.1650, "tianjin"),
    ("TJ", "天津", "Tianjin", 39.1360, 117.2104, "tianjin"),
    ("WQ", "武清", "Wuqing", 39.3870, 117.0560, "tianjin"),
    ("DZE", "德州东", "Dezhou East", 37.4490, 116.3850, "dezhou"),
    ("JNW", "济南西", "Jinan West", 36.6700, 116.8900, "jinan"),
    ("JNE", "济南东", "Jinan East", 36.7400, 117.2000, "jinan"),
    ("TAI", "泰安", "Tai'an", 36.1720, 117.0440, "taian"),
    ("QFE", "曲阜东", "Qufu East", 35.5890, 117.0280, "qufu"),
    ("ZAOZ", "枣庄", "Zaozhuang", 34.8000, 117.2600, "zaozhuang"),
    ("XZE", "徐州东", "Xuzhou East", 34.2180, 117.2840, "xuzhou"),
    ("BBS", "蚌埠南", "Bengbu South", 32.8740, 117.4250, "bengbu"),
    ("NJS", "南京南", "Nanjing South", 31.9700, 118.7970, "nanjing"),
    ("NJ", "南京", "Nanjing", 32.0880, 118.7970, "nanjing"),
    ("ZJ", "镇江", "Zhenjiang", 32.2090, 119.4360, "zhenjiang"),
    ("CZH", "常州", "Changzhou", 31.7850, 119.9700, "changzhou"),
    ("CZN", "常州北", "Changzhou North", 31.8690, 119.9680, "changzhou"),
    ("WX", "无锡", "Wuxi", 31.5860, 120.3040, "wuxi"),
    ("WXE", "无锡东", "Wuxi East", 31.5830, 120.4560, "wuxi"),
    ("SZ", "苏州北", "Suzhou North", 31.4290, 120.6400, "suzhou"),
    ("SZH", "苏州", "Suzhou", 31.3310, 120.6100, "suzhou"),
    ("SH", "上海", "Shanghai", 31.2500, 121.4560, "shanghai"),
    ("SHHQ", "上海虹桥", "Shanghai Hongqiao", 31.1943, 121.3204, "shanghai"),
    ("JXS", "嘉兴南", "Jiaxing South", 30.7080, 120.8270, "jiaxing"),
    ("HZE", "杭州东", "Hangzhou East", 30.2908, 120.2128, "hangzhou"),
    ("HFS", "合肥南", "Hefei South", 31.7990, 117.2890, "hefei"),
    ("WUHU", "芜湖", "Wuhu", 31.3400, 118.4180, "wuhu"),
    ("HUZ", "湖州", "Huzhou", 30.8700, 120.0900, "huzhou"),
    ("LUA", "六安", "Lu'an", 31.7620, 116.4860, "luan"),
    ("WH", "武汉", "Wuhan", 30.6070, 114.4240, "wuhan"),
    ("XYE", "信阳东", "Xinyang East", 32.1230, 114.1000, "xinyang"),
    ("ZZE", "郑州东", "Zhengzhou East", 34.7590, 113.7770, "zhengzhou"),
    ("SJZ", "石家庄", "Shijiazhuang", 38.0108, 114.4822, "shijiazhuang"),
    ("BDE", "保定东", "Baoding East", 38.8580, 115.5800, "baoding"),
    ("SQ", "商丘", "Shangqiu", 34.4420, 115.6600, "shangqiu"),
    ("LYLM", "洛阳龙门", "Luoyang Longmen", 34.5945, 112.4580, "luoyang"),
    ("XAN", "西安北", "Xi'an North", 34.3770, 108.9400, "xian"),
    ("HANZ", "汉中", "Hanzhong", 33.0750, 107.0050, "hanzhong"),
    ("GY", "广元", "Guangyuan", 32.4170, 105.8240, "guangyuan"),
    ("MY", "绵阳", "Mianyang", 31.4760, 104.7500, "mianyang"),
    ("CDE", "成都东", "Chengdu East", 30.6300, 104.1430, "chengdu"),
    ("YYE", "岳阳东", "Yueyang East", 29.3280, 113.1800, "yueyang"),
    ("CSS", "长沙南", "Changsha South", 28.1470, 113.0640, "changsha"),
    ("HYE", "衡阳东", "Hengyang East", 26.9390, 112.6490, "hengyang"),
    ("SG", "韶关", "Shaoguan", 24.7900, 113.5900, "shaoguan"),
    ("GZS", "广州南", "Guangzhou South", 22.9880, 113.2690, "guangzhou"),
    ("HM", "虎门", "Humen", 22.8320, 113.6830, "dongguan"),
    ("SZN", "深圳北", "Shenzhen North", 22.6100, 114.0290, "shenzhen"),
    ("LYG", "连云港", "Lianyungang", 34.5930, 119.1630, "lianyungang"),
    ("RZW", "日照西", "Rizhao West", 35.4190, 119.4040, "rizhao"),
    ("QDW", "青岛西", "Qingdao West", 35.9520, 119.9820, "qingdao"),
    ("QDN", "青岛北", "Qingdao North", 36.1700, 120.3720, "qingdao"),
    ("QD", "青岛", "Qingdao", 36.0640, 120.3130, "qingdao"),
    ("WFN", "潍坊北", "Weifang North", 36.7860, 119.0640, "weifang"),
]

AIRPORTS = [
    ("XUZ", "徐州观音国际机场", "Xuzhou Guanyin Airport", 34.0594, 117.5553, "xuzhou"),
    ("PEK", "北京首都国际机场", "Beijing Capital Airport", 40.0801, 116.5846, "beijing"),
    ("PKX", "北京大兴国际机场", "Beijing Daxing Airport", 39.5098, 116.4105, "beijing"),
    ("SHA", "上海虹桥国际机场", "Shanghai Hongqiao Airport", 31.1979, 121.3363, "shanghai"),
    ("PVG", "上海浦东国际机场", "Shanghai Pudong Airport", 31.1443, 121.8083, "shanghai"),
    ("SZX", "深圳宝安国际机场", "Shenzhen Bao'an Airport", 22.6393, 113.8107, "shenzhen"),
    ("CAN", "广州白云国际机场", "Guangzhou Baiyun Airport", 23.3924, 113.2988, "guangzhou"),
    ("CTU", "成都双流国际机场", "Chengdu Shuangliu Airport", 30.5785, 103.9471, "chengdu"),
    ("TFU", "成都天府国际机场", "Chengdu Tianfu Airport", 30.3125, 104.4414, "chengdu"),
    ("XIY", "西安咸阳国际机场", "Xi'an Xianyang Airport", 34.4471, 108.7516, "xian"),
    ("WUH", "武汉天河国际机场", "Wuhan Tianhe Airport", 30.7838, 114.2081, "wuhan"),
    ("TAO", "青岛胶东国际机场", "Qingdao Jiaodong Airport", 36.3617, 120.0880, "qingdao"),
    ("HGH", "杭州萧山国际机场", "Hangzhou Xiaoshan Airport", 30.2295, 120.4344, "hangzhou"),
    ("NKG", "南京禄口国际机场", "Nanjing Lukou Airport", 31.7420, 118.8620, "nanjing"),
    ("CGO", "郑州新郑国际机场", "Zhengzhou Xinzheng Airport", 34.5197, 113.8408, "zhengzhou"),
    ("HFE", "合肥新桥国际机场", "Hefei Xinqiao Airport", 31.9894, 116.9770, "hefei"),
    ("TNA", "济南遥墙国际机场", "Jinan Yaoqiang Airport", 36.8572, 117.2160, "jinan"),
]

AGENCIES = [
    ("CR", "中国铁路 China Railway", "https://www.12306.cn"),
    ("CA", "中国国际航空 Air China", "https://www.airchina.com.cn"),
    ("MU", "中国东方航空 China Eastern Airlines", "https://www.ceair.com"),
    ("CZ", "中国南方航空 China Southern Airlines", "https://www.csair.com"),
    ("3U", "四川航空 Sichuan Airlines", "https://www.sichuanair.com"),
    ("ZH", "深圳航空 Shenzhen Airlines", "https://www.shenzhenair.com"),
    ("HU", "海南航空 Hainan Airlines", "https://www.hainanairlines.com"),
    ("SC", "山东航空 Shandong Airlines", "https://www.sda.cn"),
]

# service_id: mon..sun
CALENDAR = [
    ("DAILY", (1, 1, 1, 1, 1, 1, 1)),
    ("WKDY", (1, 1, 1, 1, 1, 0, 0)),        # working days: Mon-Fri, not on holidays, also on make-up working days
    ("FRSU", (0, 0, 0, 0, 1, 1, 1)),        # Fri-Sun (weekend peak), also on every holiday
    ("DAILY_X0309", (1, 1, 1, 1, 1, 1, 1)),  # daily, but cancelled Wed 2022-03-09
    ("EXTRA_0311", (0, 0, 0, 0, 0, 0, 0)),   # runs only on Fri 2022-03-11 (added in calendar_dates)
]


def weekday(yyyymmdd):
    """0 = Monday .. 6 = Sunday."""
    return datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:])).weekday()


def holiday_exceptions():
    """Working-day trains stop on holiday weekdays and run on make-up working days; the weekend-peak trains run on
    every holiday weekday (they run on Fri-Sun anyway)."""
    rows = []
    for day in sorted(d for days in HOLIDAYS.values() for d in days):
        if weekday(day) < 5:
            rows.append(("WKDY", day, 2))
        if weekday(day) < 4:
            rows.append(("FRSU", day, 1))
    for day in MAKEUP_WORKDAYS:
        rows.append(("WKDY", day, 1))
    return sorted(rows, key=lambda r: (r[1], r[0]))


CALENDAR_DATES = [
    ("DAILY_X0309", "20220309", 2),
    ("EXTRA_0311", "20220311", 1),
] + holiday_exceptions()

RAIL_RATE = {"G": 0.46, "C": 0.46, "D": 0.31, "DW": 0.55}  # CNY per km, second class


# ---------------------------------------------------------------------------------------------
# helpers

def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def hhmm(s):
    h, m = s.split(":")
    return int(h) * 60 + int(m)


def gtfs_time(minutes):
    return "%02d:%02d:00" % (minutes // 60, minutes % 60)


def round_half(x):
    return math.floor(x * 2 + 0.5) / 2.0


STOP = {}        # stop_id -> (name, lat, lon, city)
for sid, zh, en, lat, lon, city in STATIONS:
    STOP[sid] = ("%s %s" % (zh, en), lat, lon, city)
for sid, zh, en, lat, lon, city in AIRPORTS:
    STOP[sid] = ("%s %s (%s)" % (zh, en, sid), lat, lon, city)
CITY = {c[0]: c for c in CITIES}
BEIJING = CITY["beijing"]


def dist_to_beijing(stop_id):
    c = CITY[STOP[stop_id][3]]
    return haversine_km(c[3], c[4], BEIJING[3], BEIJING[4])


class Line:
    """Ordered stations with chainage km and the speed (km/h) of the segment arriving at each."""

    def __init__(self, name, spec):
        self.name = name
        self.stops = [s[0] for s in spec]
        self.km = {}
        self.cum = {}     # pass-through minutes from the first station
        t = 0.0
        for i, s in enumerate(spec):
            if s[0] in self.km:
                raise ValueError("%s: %s twice" % (name, s[0]))
            if i > 0:
                seg = s[1] - spec[i - 1][1]
                if seg <= 0:
                    raise ValueError("%s: chainage not increasing at %s" % (name, s[0]))
                t += seg / s[2] * 60.0
            self.km[s[0]] = float(s[1])
            self.cum[s[0]] = t
        self.index = {s: i for i, s in enumerate(self.stops)}

    def spec(self):
        out = []
        for i, s in enumerate(self.stops):
            if i == 0:
                out.append((s, 0.0, 0))
            else:
                prev = self.stops[i - 1]
                seg = self.km[s] - self.km[prev]
                out.append((s, self.km[s], seg / (self.cum[s] - self.cum[prev]) * 60.0))
        return out

    def portion(self, a, b):
        """Spec of the stretch a -> b (either direction), chainage rebased to 0 at a."""
        ia, ib = self.index[a], self.index[b]
        full = self.spec()
        if ia <= ib:
            part = full[ia:ib + 1]
            base = part[0][1]
            return [(s, k - base, v if j else 0) for j, (s, k, v) in enumerate(part)]
        out = []
        seq = list(range(ia, ib - 1, -1))
        for j, i in enumerate(seq):
            s = full[i][0]
            if j == 0:
                out.append((s, 0.0, 0))
            else:
                # segment between full[i] and full[i+1]: speed is stored at full[i+1]
                out.append((s, full[seq[0]][1] - full[i][1], full[i + 1][2]))
        return out


def join(name, *parts):
    spec = list(parts[0])
    for p in parts[1:]:
        if p[0][0] != spec[-1][0]:
            raise ValueError("%s: parts do not meet (%s vs %s)" % (name, spec[-1][0], p[0][0]))
        off = spec[-1][1]
        spec.extend((s, k + off, v) for s, k, v in p[1:])
    return Line(name, spec)


# ---------------------------------------------------------------------------------------------
# rail lines (chainage km approximate, speed = typical cruising speed on the segment)

def L(name, spec):
    return Line(name, spec)


JINGHU = L("京沪高铁", [
    ("BJS", 0, 0), ("TJW", 125, 300), ("TJS", 131, 300), ("DZE", 327, 300), ("JNW", 419, 300),
    ("TAI", 462, 300), ("QFE", 533, 300), ("ZAOZ", 627, 300), ("XZE", 692, 300), ("BBS", 844, 300),
    ("NJS", 1023, 300), ("CZN", 1153, 260), ("WXE", 1210, 260), ("SZ", 1237, 260), ("SHHQ", 1318, 260)])
JINGJIN = L("京津城际", [("BJS", 0, 0), ("WQ", 80, 300), ("TJ", 120, 300)])
HUNING = L("沪宁城际", [("SH", 0, 0), ("SZH", 84, 250), ("WX", 126, 250), ("CZH", 165, 250),
                        ("ZJ", 237, 250), ("NJ", 301, 250)])
HUHANG = L("沪杭高铁", [("SHHQ", 0, 0), ("JXS", 84, 250), ("HZE", 159, 250)])
XULAN = L("徐兰高铁", [("XZE", 0, 0), ("SQ", 148, 280), ("ZZE", 362, 280), ("LYLM", 502, 280),
                       ("XAN", 867, 280)])
JINGGUANG = L("京广高铁", [
    ("BJW", 0, 0), ("BDE", 139, 300), ("SJZ", 281, 300), ("ZZE", 693, 300), ("XYE", 1000, 300),
    ("WH", 1229, 300), ("YYE", 1444, 300), ("CSS", 1591, 300), ("HYE", 1768, 300), ("SG", 2078, 300),
    ("GZS", 2298, 300), ("HM", 2348, 250), ("SZN", 2400, 250)])
XUHE = L("徐州-合肥-杭州", [("XZE", 0, 0), ("BBS", 152, 300), ("HFS", 283, 180), ("WUHU", 408, 250),
                            ("HUZ", 573, 250), ("HZE", 643, 250)])
HUHANRONG = L("沪汉蓉通道", [("NJS", 0, 0), ("HFS", 166, 200), ("LUA", 241, 200), ("WH", 525, 200)])
XUQING = L("徐连-青连", [("XZE", 0, 0), ("LYG", 180, 250), ("RZW", 275, 170), ("QDW", 415, 170),
                         ("QDN", 475, 140), ("QD", 490, 80)])
JIQING = L("济青高铁", [("JNW", 0, 0), ("JNE", 35, 160), ("WFN", 210, 300), ("QDN", 330, 300),
                        ("QD", 345, 80)])
XICHENG = L("西成高铁", [("XAN", 0, 0), ("HANZ", 255, 250), ("GY", 395, 230), ("MY", 530, 230),
                         ("CDE", 658, 230)])
SHXA = join("上海-徐州-西安", JINGHU.portion("SHHQ", "XZE"), XULAN.portion("XZE", "XAN"))
JINGQING = join("北京-济南-青岛", JINGHU.portion("BJS", "JNW"), JIQING.portion("JNW", "QD"))
JINGXI = join("北京西-郑州-西安", JINGGUANG.portion("BJW", "ZZE"), XULAN.portion("ZZE", "XAN"))
HUHAN = join("上海-南京-合肥-武汉", JINGHU.portion("SHHQ", "NJS"), HUHANRONG.portion("NJS", "WH"))

# route_id -> (agency, short name, long name, route_type, fare class)
ROUTES = {}
ROUTE_ORDER = []


def add_route(route_id, agency, short, long_, rtype, fare_class):
    if route_id in ROUTES:
        raise ValueError("route twice: " + route_id)
    ROUTES[route_id] = (agency, short, long_, rtype, fare_class)
    ROUTE_ORDER.append(route_id)


add_route("R-JINGHU-G", "CR", "京沪高铁", "京沪高铁 Beijing–Shanghai HSR (北京南–徐州东–上海虹桥)", 101, "G")
add_route("R-JINGHU-DW", "CR", "京沪动卧", "京沪动卧 Beijing–Shanghai overnight sleeper D", 101, "DW")
add_route("R-JINGJIN-C", "CR", "京津城际", "京津城际 Beijing–Tianjin Intercity", 101, "C")
add_route("R-HUNING-G", "CR", "沪宁城际", "沪宁城际 Shanghai–Nanjing Intercity", 101, "G")
add_route("R-HUHANG-G", "CR", "沪杭高铁", "沪杭高铁 Shanghai Hongqiao–Hangzhou East HSR", 101, "G")
add_route("R-XULAN-G", "CR", "徐兰高铁", "徐兰高铁 Xuzhou–Zhengzhou–Xi'an HSR", 101, "G")
add_route("R-SHXA-G", "CR", "沪西", "上海虹桥–徐州东–西安北 Shanghai–Xuzhou–Xi'an", 101, "G")
add_route("R-JINGXI-G", "CR", "京西", "北京西–郑州东–西安北 Beijing–Zhengzhou–Xi'an", 101, "G")
add_route("R-XUHE-G", "CR", "徐合杭", "徐州东–合肥南–杭州东 Xuzhou–Hefei–Hangzhou", 101, "G")
add_route("R-HUHANRONG-G", "CR", "沪汉蓉", "沪汉蓉 Shanghai/Nanjing–Hefei–Wuhan HSR", 101, "G")
add_route("R-HUHANRONG-D", "CR", "沪汉蓉D", "沪汉蓉 Shanghai–Hefei–Wuhan D trains", 101, "D")
add_route("R-XUQING-G", "CR", "徐青", "徐州东–连云港–青岛 Xuzhou–Qingdao", 101, "G")
add_route("R-JIQING-G", "CR", "济青高铁", "济青高铁 Jinan–Qingdao HSR", 101, "G")
add_route("R-JINGQING-G", "CR", "京青", "北京南–济南–青岛 Beijing–Qingdao", 101, "G")
add_route("R-JINGGUANG-G", "CR", "京广高铁", "京广高铁 Beijing West–Zhengzhou–Wuhan–Guangzhou–Shenzhen HSR", 101, "G")
add_route("R-GUANGSHEN-G", "CR", "广深港", "广深港高铁 Guangzhou South–Shenzhen North", 101, "G")
add_route("R-XICHENG-G", "CR", "西成高铁", "西成高铁 Xi'an North–Chengdu East HSR", 101, "G")
add_route("R-XICHENG-D", "CR", "西成D", "西成高铁 Xi'an North–Chengdu East D trains", 101, "D")


class Series:
    """Train-number block; odd numbers go away from Beijing (down), even towards it (up)."""
    used = set()

    def __init__(self, prefix, start, end):
        self.prefix, self.start, self.end = prefix, start, end

    def next(self, down):
        n = self.start
        while True:
            if n % 2 == (1 if down else 0) and (self.prefix, n) not in Series.used:
                break
            n += 1
            if n > self.end:
                raise ValueError("series %s%d-%d exhausted" % (self.prefix, self.start, self.end))
        Series.used.add((self.prefix, n))
        return "%s%d" % (self.prefix, n)


TRIPS = []        # dicts: trip_id, route_id, service_id, short, headsign, rows=[(stop, arr, dep)]
TRIP_LINE = {}    # trip_id -> Line (for rail fare distances)


def add_trip(route_id, service, short, rows, line=None):
    trip_id = "%s-%s" % (short, service)
    if any(t["trip_id"] == trip_id for t in TRIPS):
        raise ValueError("duplicate trip " + trip_id)
    if service not in dict(CALENDAR):
        raise ValueError("unknown service " + service)
    TRIPS.append({"trip_id": trip_id, "route_id": route_id, "service_id": service, "short": short,
                  "headsign": STOP[rows[-1][0]][0], "rows": rows})
    if line is not None:
        TRIP_LINE[trip_id] = line


def rail_times(line, stops, dep, factor):
    idx = [line.index[s] for s in stops]   # KeyError = stop not on line
    inc = all(b > a for a, b in zip(idx, idx[1:]))
    dec = all(b < a for a, b in zip(idx, idx[1:]))
    if len(stops) < 2 or not (inc or dec):
        raise ValueError("%s: bad stop pattern %s" % (line.name, stops))
    t = dep
    rows = [(stops[0], t, t)]
    for k in range(1, len(stops)):
        run = abs(line.cum[stops[k]] - line.cum[stops[k - 1]]) / factor + STOP_PENALTY
        arr = t + int(run + 0.5)
        if k == len(stops) - 1:
            rows.append((stops[k], arr, arr))
        else:
            rows.append((stops[k], arr, arr + DWELL))
            t = arr + DWELL
    return rows


def trains(route_id, line, series, items, factor=1.0):
    """items: (dep 'HH:MM', 'STOP STOP ...', service[, speed factor])"""
    for it in items:
        dep, pattern, service = it[0], it[1].split(), it[2]
        f = it[3] if len(it) > 3 else factor
        down = dist_to_beijing(pattern[-1]) > dist_to_beijing(pattern[0])
        short = series.next(down)
        add_trip(route_id, service, short, rail_times(line, pattern, hhmm(dep), f), line)


def rev(p):
    return " ".join(reversed(p.split()))


# ---------------------------------------------------------------------------------------------
# Beijing–Shanghai HSR

PAT = {
    "E": ("BJS JNW NJS SHHQ", 1.10),                          # flagship express
    "N": ("BJS XZE NJS SHHQ", 1.05),                          # skips Tianjin and Jinan
    "A": ("BJS TJS JNW XZE NJS SZ SHHQ", 1.0),
    "B": ("BJS TJS DZE JNW TAI XZE BBS NJS CZN SZ SHHQ", 1.0),
    "C": ("BJS TJW JNW QFE ZAOZ XZE NJS WXE SZ SHHQ", 1.0),
    "D": ("BJS DZE JNW TAI QFE XZE BBS NJS CZN WXE SZ SHHQ", 1.0),
    "F": ("BJS TJS JNW QFE NJS CZN SZ SHHQ", 1.0),
}
JH_SOUTH = [
    ("06:18", "A", "DAILY"), ("06:43", "D", "DAILY"), ("07:00", "E", "DAILY"), ("07:22", "B", "DAILY"),
    ("07:48", "C", "WKDY"), ("08:05", "N", "DAILY"), ("08:35", "F", "DAILY"), ("09:00", "E", "DAILY"),
    ("09:20", "A", "DAILY"), ("09:45", "D", "DAILY"), ("10:00", "E", "DAILY"), ("10:25", "B", "DAILY"),
    ("11:00", "N", "FRSU"), ("11:30", "A", "DAILY"), ("12:00", "E", "DAILY"), ("12:35", "C", "DAILY"),
    ("13:00", "F", "DAILY"), ("13:30", "A", "DAILY"), ("14:00", "E", "DAILY"), ("14:22", "B", "DAILY"),
    ("15:00", "N", "DAILY"), ("15:30", "D", "DAILY"), ("16:00", "E", "DAILY"), ("16:25", "A", "FRSU"),
    ("17:00", "C", "WKDY"), ("17:30", "B", "DAILY"), ("18:00", "E", "DAILY"), ("18:30", "A", "DAILY"),
    ("19:00", "N", "DAILY"),
]
JH_NORTH = [
    ("06:10", "A", "DAILY"), ("06:38", "D", "DAILY"), ("07:00", "E", "DAILY"), ("07:25", "B", "DAILY"),
    ("07:50", "C", "WKDY"), ("08:10", "N", "DAILY"), ("08:40", "F", "DAILY"), ("09:00", "E", "DAILY"),
    ("09:28", "A", "DAILY"), ("09:50", "D", "DAILY"), ("10:00", "E", "DAILY"), ("10:30", "B", "DAILY"),
    ("11:05", "N", "FRSU"), ("11:35", "A", "DAILY"), ("12:00", "E", "DAILY"), ("12:40", "C", "DAILY"),
    ("13:05", "F", "DAILY"), ("13:35", "A", "DAILY"), ("14:00", "E", "DAILY"), ("14:25", "B", "DAILY"),
    ("15:00", "N", "DAILY"), ("15:35", "D", "DAILY"), ("16:00", "E", "DAILY"), ("16:30", "A", "FRSU"),
    ("17:00", "C", "WKDY"), ("17:35", "B", "DAILY"), ("18:00", "E", "DAILY"), ("18:30", "A", "DAILY"),
    ("19:00", "N", "DAILY"),
]
JH_EXP = Series("G", 1, 40)
JH_REG = Series("G", 101, 170)
JH_SHORT = Series("G", 201, 300)
for items, reverse in ((JH_SOUTH, False), (JH_NORTH, True)):
    for dep, code, svc in items:
        pat, f = PAT[code]
        trains("R-JINGHU-G", JINGHU, JH_EXP if code in "EN" else JH_REG,
               [(dep, rev(pat) if reverse else pat, svc, f)])

# short workings from/to Xuzhou East, Nanjing South, Jinan West
trains("R-JINGHU-G", JINGHU, JH_SHORT, [
    # Xuzhou East -> Shanghai Hongqiao (the 07:02 is cancelled on Wed 2022-03-09)
    ("06:20", "XZE NJS SZ SHHQ", "DAILY"),
    ("07:02", "XZE BBS NJS CZN WXE SZ SHHQ", "DAILY_X0309"),
    ("09:35", "XZE BBS NJS SZ SHHQ", "DAILY"),
    ("13:12", "XZE BBS NJS CZN WXE SZ SHHQ", "DAILY"),
    ("16:48", "XZE NJS CZN SZ SHHQ", "DAILY"),
    ("18:30", "XZE BBS NJS WXE SZ SHHQ", "FRSU"),
    # Shanghai Hongqiao -> Xuzhou East (18:50 is an extra train on Fri 2022-03-11 only)
    ("07:25", "SHHQ SZ WXE CZN NJS BBS XZE", "DAILY"),
    ("10:05", "SHHQ SZ NJS XZE", "DAILY"),
    ("14:00", "SHHQ SZ CZN NJS BBS XZE", "DAILY"),
    ("17:10", "SHHQ SZ WXE NJS BBS XZE", "DAILY"),
    ("18:50", "SHHQ SZ NJS XZE", "EXTRA_0311"),
    ("19:20", "SHHQ SZ CZN NJS BBS XZE", "DAILY"),
    # Xuzhou East -> Beijing South
    ("06:30", "XZE JNW BJS", "DAILY"),
    ("07:08", "XZE ZAOZ QFE TAI JNW DZE TJS BJS", "DAILY"),
    ("12:40", "XZE QFE JNW TJS BJS", "DAILY"),
    ("16:20", "XZE ZAOZ TAI JNW DZE TJS BJS", "WKDY"),
    ("19:10", "XZE JNW TJS BJS", "FRSU"),
    # Beijing South -> Xuzhou East
    ("07:40", "BJS TJS JNW XZE", "DAILY"),
    ("08:15", "BJS TJS DZE JNW TAI QFE ZAOZ XZE", "DAILY"),
    ("13:15", "BJS TJS JNW QFE XZE", "DAILY"),
    ("17:40", "BJS DZE JNW TAI ZAOZ XZE", "DAILY"),
    ("19:45", "BJS TJS JNW XZE", "FRSU"),
    # Beijing South <-> Nanjing South
    ("07:35", "BJS TJS JNW TAI XZE BBS NJS", "DAILY"),
    ("15:20", "BJS TJS DZE JNW XZE NJS", "DAILY"),
    ("08:40", "NJS BBS XZE TAI JNW TJS BJS", "DAILY"),
    ("16:10", "NJS XZE JNW DZE TJS BJS", "DAILY"),
    # Jinan West <-> Shanghai Hongqiao
    ("07:20", "JNW TAI QFE ZAOZ XZE BBS NJS CZN WXE SZ SHHQ", "DAILY"),
    ("14:30", "JNW TAI QFE XZE NJS CZN SZ SHHQ", "DAILY"),
    ("08:10", "SHHQ SZ WXE CZN NJS BBS XZE ZAOZ QFE TAI JNW", "DAILY"),
    ("15:05", "SHHQ SZ CZN NJS XZE QFE TAI JNW", "DAILY"),
])
# overnight sleeper D trains: stop_times pass 24:00:00
trains("R-JINGHU-DW", JINGHU, Series("D", 701, 710), [
    ("21:14", "BJS TJS JNW XZE NJS SZ SHHQ", "DAILY"),
    ("21:05", "SHHQ SZ NJS XZE JNW TJS BJS", "DAILY"),
], factor=0.5)

# Beijing–Tianjin intercity
_jj = Series("C", 2001, 2099)
for i, h in enumerate(range(6, 22)):
    trains("R-JINGJIN-C", JINGJIN, _jj, [("%02d:30" % h, "BJS WQ TJ" if i % 3 == 1 else "BJS TJ", "DAILY")])
    trains("R-JINGJIN-C", JINGJIN, _jj, [("%02d:15" % h, "TJ WQ BJS" if i % 3 == 2 else "TJ BJS", "DAILY")])

# Shanghai–Nanjing intercity
_hn = Series("G", 7001, 7099)
_hn_pats = ["SH SZH WX CZH ZJ NJ", "SH SZH WX NJ", "SH SZH CZH ZJ NJ"]
for i, h in enumerate(range(6, 21)):
    svc = "WKDY" if i in (4, 10) else "DAILY"
    trains("R-HUNING-G", HUNING, _hn, [("%02d:40" % h, _hn_pats[i % 3], svc)])
    trains("R-HUNING-G", HUNING, _hn, [("%02d:30" % h, rev(_hn_pats[(i + 1) % 3]), svc)])

# Shanghai Hongqiao–Hangzhou East
_hh = Series("G", 7301, 7399)
for i in range(19):
    m = hhmm("06:15") + 45 * i
    trains("R-HUHANG-G", HUHANG, _hh, [(gtfs_time(m)[:5], "SHHQ HZE" if i % 2 else "SHHQ JXS HZE", "DAILY")])
    m2 = hhmm("06:20") + 45 * i
    trains("R-HUHANG-G", HUHANG, _hh, [(gtfs_time(m2)[:5], "HZE SHHQ" if i % 2 == 0 else "HZE JXS SHHQ", "DAILY")])

# Xuzhou–Zhengzhou–Xi'an
_xl = Series("G", 1801, 1899)
trains("R-XULAN-G", XULAN, _xl, [
    ("07:15", "XZE SQ ZZE LYLM XAN", "DAILY"), ("09:40", "XZE ZZE XAN", "DAILY"),
    ("13:05", "XZE SQ ZZE LYLM XAN", "DAILY"), ("16:30", "XZE SQ ZZE XAN", "DAILY"),
    ("07:00", "XAN LYLM ZZE SQ XZE", "DAILY"), ("10:20", "XAN ZZE XZE", "DAILY"),
    ("14:10", "XAN LYLM ZZE SQ XZE", "DAILY"), ("17:30", "XAN ZZE SQ XZE", "DAILY"),
    ("08:20", "ZZE SQ XZE", "DAILY"), ("18:00", "ZZE XZE", "DAILY"),
    ("10:50", "XZE SQ ZZE", "DAILY"), ("19:20", "XZE ZZE", "WKDY"),
])
trains("R-SHXA-G", SHXA, Series("G", 1901, 1999), [
    ("07:05", "SHHQ SZ NJS XZE SQ ZZE LYLM XAN", "DAILY"),
    ("11:50", "SHHQ NJS BBS XZE ZZE XAN", "DAILY"),
    ("14:20", "SHHQ SZ NJS XZE ZZE LYLM XAN", "FRSU"),
    ("08:00", "XAN LYLM ZZE SQ XZE NJS SZ SHHQ", "DAILY"),
    ("10:50", "XAN ZZE XZE BBS NJS SHHQ", "DAILY"),
    ("13:40", "XAN LYLM ZZE XZE NJS SZ SHHQ", "FRSU"),
])
trains("R-JINGXI-G", JINGXI, Series("G", 651, 699), [
    ("07:10", "BJW SJZ ZZE LYLM XAN", "DAILY"), ("11:30", "BJW BDE SJZ ZZE XAN", "DAILY"),
    ("15:05", "BJW SJZ ZZE LYLM XAN", "DAILY"),
    ("07:30", "XAN LYLM ZZE SJZ BJW", "DAILY"), ("12:00", "XAN ZZE SJZ BDE BJW", "DAILY"),
    ("15:40", "XAN LYLM ZZE SJZ BJW", "DAILY"),
])

# Xuzhou–Bengbu–Hefei–Hangzhou
_xh = Series("G", 1501, 1599)
trains("R-XUHE-G", XUHE, _xh, [
    ("07:40", "XZE BBS HFS WUHU HUZ HZE", "DAILY"), ("10:15", "XZE BBS HFS HZE", "DAILY"),
    ("14:25", "XZE BBS HFS WUHU HUZ HZE", "DAILY"), ("17:50", "XZE BBS HFS HUZ HZE", "DAILY"),
    ("12:30", "XZE BBS HFS", "DAILY"), ("19:00", "XZE BBS HFS", "FRSU"),
    ("07:10", "HZE HUZ WUHU HFS BBS XZE", "DAILY"), ("09:55", "HZE HFS BBS XZE", "DAILY"),
    ("13:30", "HZE HUZ WUHU HFS BBS XZE", "DAILY"), ("16:40", "HZE HUZ HFS BBS XZE", "DAILY"),
    ("07:30", "HFS BBS XZE", "DAILY"), ("15:40", "HFS BBS XZE", "DAILY"),
    ("08:30", "HFS WUHU HUZ HZE", "DAILY"), ("11:10", "HFS HZE", "DAILY"),
    ("15:15", "HFS WUHU HZE", "DAILY"), ("18:40", "HFS WUHU HUZ HZE", "DAILY"),
    ("08:05", "HZE HUZ WUHU HFS", "DAILY"), ("12:20", "HZE HFS", "DAILY"),
    ("16:05", "HZE WUHU HFS", "DAILY"), ("19:10", "HZE HUZ WUHU HFS", "DAILY"),
])

# Nanjing / Shanghai – Hefei – Wuhan
_hhr = Series("G", 1701, 1799)
trains("R-HUHANRONG-G", HUHANRONG, _hhr, [
    ("07:30", "NJS HFS LUA WH", "DAILY"), ("10:40", "NJS HFS WH", "DAILY"),
    ("14:10", "NJS HFS LUA WH", "DAILY"), ("17:20", "NJS HFS WH", "DAILY"),
    ("07:15", "WH LUA HFS NJS", "DAILY"), ("10:05", "WH HFS NJS", "DAILY"),
    ("13:50", "WH LUA HFS NJS", "DAILY"), ("16:55", "WH HFS NJS", "DAILY"),
])
trains("R-HUHANRONG-G", HUHAN, _hhr, [
    ("07:00", "SHHQ SZ NJS HFS LUA WH", "DAILY"), ("12:40", "SHHQ SZ CZN NJS HFS WH", "DAILY"),
    ("08:05", "WH LUA HFS NJS SZ SHHQ", "DAILY"), ("13:10", "WH HFS NJS CZN SZ SHHQ", "DAILY"),
])
trains("R-HUHANRONG-D", HUHAN, Series("D", 3001, 3099), [
    ("09:05", "SHHQ SZ CZN NJS HFS LUA WH", "DAILY"), ("15:30", "SHHQ SZ WXE NJS HFS LUA WH", "DAILY"),
    ("10:00", "WH LUA HFS NJS CZN SZ SHHQ", "DAILY"), ("15:20", "WH LUA HFS NJS WXE SZ SHHQ", "DAILY"),
], factor=0.85)

# Xuzhou–Lianyungang–Qingdao
trains("R-XUQING-G", XUQING, Series("G", 6901, 6999), [
    ("08:05", "XZE LYG RZW QDW QDN QD", "DAILY"), ("10:40", "XZE LYG RZW QDW QDN", "FRSU"),
    ("13:20", "XZE LYG RZW QDW QDN", "DAILY"), ("17:05", "XZE LYG RZW QDW QDN QD", "DAILY"),
    ("07:40", "QD QDN QDW RZW LYG XZE", "DAILY"), ("12:10", "QDN QDW RZW LYG XZE", "DAILY"),
    ("15:50", "QD QDN QDW RZW LYG XZE", "DAILY"), ("18:10", "QDN QDW RZW LYG XZE", "FRSU"),
])

# Jinan–Qingdao and Beijing–Qingdao
trains("R-JIQING-G", JIQING, Series("G", 6001, 6099), [
    ("07:00", "JNW JNE WFN QDN QD", "DAILY"), ("08:30", "JNW WFN QDN QD", "DAILY"),
    ("10:10", "JNW JNE WFN QDN", "DAILY"), ("12:00", "JNW JNE WFN QDN QD", "DAILY"),
    ("14:00", "JNW WFN QDN QD", "DAILY"), ("16:00", "JNW JNE WFN QDN QD", "DAILY"),
    ("18:10", "JNW JNE WFN QDN", "DAILY"), ("20:00", "JNW WFN QDN QD", "DAILY"),
    ("06:50", "QD QDN WFN JNE JNW", "DAILY"), ("08:20", "QD QDN WFN JNW", "DAILY"),
    ("10:00", "QDN WFN JNE JNW", "DAILY"), ("12:10", "QD QDN WFN JNE JNW", "DAILY"),
    ("14:20", "QD QDN WFN JNW", "DAILY"), ("16:15", "QD QDN WFN JNE JNW", "DAILY"),
    ("18:00", "QDN WFN JNE JNW", "DAILY"), ("19:40", "QD QDN WFN JNW", "DAILY"),
])
trains("R-JINGQING-G", JINGQING, Series("G", 171, 199), [
    ("07:25", "BJS TJS DZE JNW JNE WFN QDN QD", "DAILY"), ("11:40", "BJS JNW WFN QDN QD", "DAILY"),
    ("15:50", "BJS TJS JNW JNE WFN QDN QD", "DAILY"),
    ("07:05", "QD QDN WFN JNE JNW DZE TJS BJS", "DAILY"), ("11:10", "QD QDN WFN JNW BJS", "DAILY"),
    ("15:30", "QD QDN WFN JNE JNW TJS BJS", "DAILY"),
])

# Beijing–Guangzhou–Shenzhen HSR
_jg = JINGGUANG
trains("R-JINGGUANG-G", _jg, Series("G", 71, 80), [
    ("08:00", "BJW SJZ ZZE WH CSS GZS SZN", "DAILY"), ("10:00", "BJW SJZ ZZE WH CSS HYE GZS SZN", "DAILY"),
    ("08:00", "SZN GZS CSS WH ZZE SJZ BJW", "DAILY"), ("10:00", "SZN GZS HYE CSS WH ZZE SJZ BJW", "DAILY"),
])
trains("R-JINGGUANG-G", _jg, Series("G", 65, 70), [
    ("07:00", "BJW BDE SJZ ZZE XYE WH YYE CSS HYE SG GZS", "DAILY"), ("13:00", "BJW SJZ ZZE WH CSS HYE GZS", "DAILY"),
    ("07:30", "GZS SG HYE CSS YYE WH XYE ZZE SJZ BDE BJW", "DAILY"), ("12:30", "GZS HYE CSS WH ZZE SJZ BJW", "DAILY"),
])
trains("R-JINGGUANG-G", _jg, Series("G", 501, 560), [
    ("07:30", "BJW BDE SJZ ZZE XYE WH", "DAILY"), ("11:20", "BJW SJZ ZZE WH", "DAILY"),
    ("15:10", "BJW BDE SJZ ZZE XYE WH", "DAILY"), ("17:00", "BJW SJZ ZZE XYE WH", "FRSU"),
    ("07:10", "WH XYE ZZE SJZ BDE BJW", "DAILY"), ("11:00", "WH ZZE SJZ BJW", "DAILY"),
    ("14:50", "WH XYE ZZE SJZ BDE BJW", "DAILY"), ("16:40", "WH XYE ZZE SJZ BJW", "FRSU"),
])
trains("R-JINGGUANG-G", _jg, Series("G", 801, 840), [
    ("06:50", "BJW BDE SJZ ZZE", "DAILY"), ("09:20", "BJW SJZ ZZE", "DAILY"),
    ("16:40", "BJW BDE SJZ ZZE", "DAILY"), ("19:00", "BJW SJZ ZZE", "DAILY"),
    ("07:05", "ZZE SJZ BDE BJW", "DAILY"), ("10:30", "ZZE SJZ BJW", "DAILY"),
    ("15:20", "ZZE SJZ BDE BJW", "DAILY"), ("18:45", "ZZE SJZ BJW", "DAILY"),
])
trains("R-JINGGUANG-G", _jg, Series("G", 401, 440), [
    ("08:10", "ZZE XYE WH", "DAILY"), ("12:35", "ZZE WH", "DAILY"), ("18:20", "ZZE XYE WH", "DAILY"),
    ("07:45", "WH XYE ZZE", "DAILY"), ("13:05", "WH ZZE", "DAILY"), ("17:50", "WH XYE ZZE", "DAILY"),
])
trains("R-JINGGUANG-G", _jg, Series("G", 1001, 1099), [
    ("07:05", "WH YYE CSS HYE SG GZS", "DAILY"), ("08:40", "WH CSS HYE GZS", "DAILY"),
    ("10:30", "WH CSS GZS", "DAILY"), ("12:15", "WH YYE CSS HYE GZS", "DAILY"),
    ("14:45", "WH CSS HYE SG GZS", "DAILY"), ("16:50", "WH CSS GZS", "DAILY"),
    ("09:20", "WH CSS HYE GZS HM SZN", "DAILY"), ("13:30", "WH CSS GZS SZN", "DAILY"),
    ("07:00", "GZS SG HYE CSS YYE WH", "DAILY"), ("08:35", "GZS HYE CSS WH", "DAILY"),
    ("10:20", "GZS CSS WH", "DAILY"), ("12:05", "GZS HYE CSS YYE WH", "DAILY"),
    ("14:40", "GZS SG HYE CSS WH", "DAILY"), ("16:45", "GZS CSS WH", "DAILY"),
    ("08:50", "SZN HM GZS HYE CSS WH", "DAILY"), ("13:00", "SZN GZS CSS WH", "DAILY"),
])
_gs = Series("G", 6301, 6399)
for i in range(23):
    m = hhmm("06:30") + 40 * i
    trains("R-GUANGSHEN-G", _jg, _gs, [(gtfs_time(m)[:5], "GZS HM SZN" if i % 2 else "GZS SZN", "DAILY")])
    m2 = hhmm("06:35") + 40 * i
    trains("R-GUANGSHEN-G", _jg, _gs, [(gtfs_time(m2)[:5], "SZN GZS" if i % 2 else "SZN HM GZS", "DAILY")])

# Xi'an–Chengdu
trains("R-XICHENG-G", XICHENG, Series("G", 2201, 2299), [
    ("07:10", "XAN HANZ GY MY CDE", "DAILY"), ("08:50", "XAN HANZ CDE", "DAILY"),
    ("10:40", "XAN GY MY CDE", "DAILY"), ("13:00", "XAN HANZ GY MY CDE", "DAILY"),
    ("15:20", "XAN HANZ MY CDE", "DAILY"), ("17:40", "XAN HANZ GY MY CDE", "DAILY"),
    ("07:00", "CDE MY GY HANZ XAN", "DAILY"), ("08:40", "CDE HANZ XAN", "DAILY"),
    ("10:30", "CDE MY GY XAN", "DAILY"), ("12:50", "CDE MY GY HANZ XAN", "DAILY"),
    ("15:10", "CDE MY HANZ XAN", "DAILY"), ("17:30", "CDE MY GY HANZ XAN", "DAILY"),
])
trains("R-XICHENG-D", XICHENG, Series("D", 1901, 1999), [
    ("09:30", "XAN HANZ GY MY CDE", "DAILY"), ("14:10", "XAN HANZ GY MY CDE", "WKDY"),
    ("09:20", "CDE MY GY HANZ XAN", "DAILY"), ("14:00", "CDE MY GY HANZ XAN", "WKDY"),
], factor=0.85)


# ---------------------------------------------------------------------------------------------
# flights: (airline, A, B, first number (A->B odd, B->A = +1), deps A->B, deps B->A)
# a departure is "HH:MM" (daily) or ("HH:MM", service)

BLOCK = {  # block minutes for an unordered airport pair
    ("PEK", "XUZ"): 110, ("PKX", "XUZ"): 105, ("SZX", "XUZ"): 150, ("CAN", "XUZ"): 140,
    ("CTU", "XUZ"): 160, ("TFU", "XUZ"): 165, ("XIY", "XUZ"): 105, ("WUH", "XUZ"): 90,
    ("PEK", "SHA"): 135, ("PKX", "SHA"): 130, ("PEK", "SZX"): 210, ("CAN", "PKX"): 195,
    ("CAN", "PEK"): 200, ("CTU", "PEK"): 180, ("SHA", "SZX"): 140, ("CAN", "SHA"): 145,
    ("CTU", "SHA"): 195, ("PVG", "SZX"): 145, ("CAN", "CTU"): 145, ("CTU", "SZX"): 150,
    ("NKG", "SZX"): 150, ("CAN", "NKG"): 145, ("CTU", "NKG"): 175, ("HGH", "SZX"): 140,
    ("CTU", "HGH"): 185, ("SZX", "XIY"): 160, ("CAN", "XIY"): 150, ("SHA", "XIY"): 145,
    ("CTU", "WUH"): 120, ("SZX", "TAO"): 190, ("CAN", "TAO"): 180, ("CTU", "TAO"): 195,
    ("CGO", "SZX"): 165, ("HFE", "SZX"): 140, ("SZX", "TNA"): 185, ("PEK", "XIY"): 130,
    ("HGH", "PEK"): 140,
}
FLIGHTS = [
    # Xuzhou Guanyin
    ("CA", "PEK", "XUZ", 1581, ["07:40", "18:05"], ["10:30", "20:40"]),
    ("MU", "PKX", "XUZ", 5193, ["12:20"], ["15:30"]),
    ("ZH", "SZX", "XUZ", 9841, ["07:50", "19:05"], ["11:20", "22:05"]),   # ZH9844 arrives 24:35
    ("CZ", "CAN", "XUZ", 3835, ["08:30", ("14:50", "FRSU")], ["11:45", ("18:10", "FRSU")]),
    ("3U", "CTU", "XUZ", 8873, ["07:20"], ["11:00"]),
    ("3U", "TFU", "XUZ", 8875, [("13:10", "FRSU")], [("17:05", "FRSU")]),
    ("MU", "XIY", "XUZ", 2365, ["09:00"], ["12:05"]),
    ("MU", "WUH", "XUZ", 2537, [("14:00", "WKDY")], [("16:35", "WKDY")]),
    # trunk routes
    ("CA", "PEK", "SHA", 1501, ["07:30", "11:30", "15:30", "19:30"], ["08:30", "12:30", "16:30", "20:30"]),
    ("MU", "SHA", "PEK", 5101, ["07:00", "10:00", "14:00", "18:00"], ["07:45", "11:00", "15:00", "19:00"]),
    ("MU", "SHA", "PKX", 5183, ["09:00"], ["13:00"]),
    ("CA", "PEK", "SZX", 1301, ["08:00", "14:30"], ["12:30", "19:30"]),
    ("ZH", "SZX", "PEK", 9101, ["08:30"], ["13:40"]),
    ("HU", "PEK", "SZX", 7701, ["09:45"], ["14:40"]),
    ("CZ", "CAN", "PKX", 3101, ["08:00", "13:00"], ["12:10", "17:40"]),
    ("CA", "PEK", "CAN", 1315, ["09:10"], ["14:20"]),
    ("CA", "PEK", "CTU", 4101, ["08:15", "16:00"], ["12:00", "19:40"]),
    ("3U", "CTU", "PEK", 8881, ["07:30"], ["12:20"]),
    ("MU", "SHA", "SZX", 5331, ["07:35", "12:00", "17:30"], ["10:40", "15:10", "20:45"]),
    ("ZH", "SZX", "SHA", 9501, ["08:20", "15:40"], ["11:30", "19:05"]),
    ("CZ", "CAN", "SHA", 3523, ["08:00", "16:10"], ["11:30", "19:50"]),
    ("MU", "SHA", "CAN", 5301, ["09:30"], ["13:40"]),
    ("MU", "SHA", "CTU", 5401, ["08:10", "15:00"], ["12:30", "19:20"]),
    ("3U", "CTU", "SHA", 8961, ["09:20"], ["13:55"]),
    ("MU", "PVG", "SZX", 5351, ["10:15"], ["14:05"]),
    ("CZ", "CAN", "CTU", 3441, ["08:40", "15:20"], ["12:05", "18:50"]),
    ("3U", "CTU", "SZX", 8705, ["09:10"], ["13:00"]),
    ("ZH", "SZX", "CTU", 9411, ["14:10"], ["18:05"]),
    ("MU", "NKG", "SZX", 2883, ["08:45"], ["12:35"]),
    ("ZH", "SZX", "NKG", 9557, ["15:20"], ["18:50"]),
    ("CZ", "CAN", "NKG", 3801, ["09:00"], ["12:25"]),
    ("MU", "NKG", "CTU", 2809, ["08:30"], ["12:20"]),
    ("3U", "CTU", "NKG", 8813, ["15:10"], ["19:10"]),
    ("CA", "HGH", "SZX", 1767, ["08:20"], ["12:00"]),
    ("ZH", "SZX", "HGH", 9181, ["14:40"], ["18:05"]),
    ("CA", "HGH", "CTU", 4511, ["09:15"], ["13:40"]),
    ("ZH", "SZX", "XIY", 9271, ["08:10"], ["12:05"]),
    ("CZ", "CAN", "XIY", 3205, ["10:20"], ["14:00"]),
    ("MU", "XIY", "SHA", 2151, ["08:00", "16:30"], ["11:35", "20:05"]),
    ("3U", "CTU", "WUH", 8775, ["10:05"], ["13:20"]),
    ("ZH", "SZX", "TAO", 9651, ["09:00"], ["13:10"]),
    ("CZ", "CAN", "TAO", 3851, ["10:30"], ["14:15"]),
    ("3U", "CTU", "TAO", 8829, ["08:50"], ["13:00"]),
    ("ZH", "SZX", "CGO", 9761, ["09:40"], ["13:25"]),
    ("ZH", "SZX", "HFE", 9861, ["11:05"], ["14:20"]),
    ("SC", "TNA", "SZX", 4681, ["09:25"], ["13:50"]),
    ("CA", "PEK", "XIY", 1201, ["08:20", "17:10"], ["11:30", "20:15"]),
    ("CA", "PEK", "HGH", 1701, ["07:50", "18:30"], ["11:10", "21:20"]),
]
AIRLINE_NAME = {a[0]: a[1] for a in AGENCIES}
FLIGHT_NUMBERS = set()


def air_fare(a, b):
    d = haversine_km(STOP[a][1], STOP[a][2], STOP[b][1], STOP[b][2])
    return float(min(1400, max(600, round((350 + 0.5 * d) / 10.0) * 10)))


for airline, a, b, first, out_deps, back_deps in FLIGHTS:
    lo, hi = sorted((a, b))
    route_id = "AIR-%s-%s-%s" % (airline, lo, hi)
    if route_id not in ROUTES:
        add_route(route_id, airline, "%s %s–%s" % (airline, lo, hi),
                  "%s %s – %s" % (AIRLINE_NAME[airline], STOP[lo][0], STOP[hi][0]), 1100, "AIR")
    block = BLOCK[(lo, hi)]
    for deps, (o, d), n0 in ((out_deps, (a, b), first), (back_deps, (b, a), first + 1)):
        for k, dep in enumerate(deps):
            t, svc = (dep, "DAILY") if isinstance(dep, str) else dep
            number = "%s%d" % (airline, n0 + 2 * k)
            if number in FLIGHT_NUMBERS:
                raise ValueError("flight number twice: " + number)
            FLIGHT_NUMBERS.add(number)
            m = hhmm(t)
            add_trip(route_id, svc, number, [(o, m, m), (d, m + block, m + block)])


# ---------------------------------------------------------------------------------------------
# fares: one fare per (route, origin zone, destination zone) actually served by the route

def build_fares():
    fares = {}  # (route, oz, dz) -> price
    for t in TRIPS:
        route_id = t["route_id"]
        cls = ROUTES[route_id][4]
        stops = [r[0] for r in t["rows"]]
        for i in range(len(stops)):
            for j in range(i + 1, len(stops)):
                a, b = stops[i], stops[j]
                oz, dz = STOP[a][3], STOP[b][3]
                if cls == "AIR":
                    price = air_fare(a, b)
                else:
                    line = TRIP_LINE[t["trip_id"]]
                    km = abs(line.km[b] - line.km[a])
                    price = max(5.0, round_half(km * RAIL_RATE[cls]))
                key = (route_id, oz, dz)
                fares[key] = max(price, fares.get(key, 0.0))
    return fares


FARES = build_fares()


# ---------------------------------------------------------------------------------------------
# writing

def write_csv(name, header, rows):
    path = os.path.join(HERE, name)
    tmp = os.path.join(HERE, "." + name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)
    os.replace(tmp, path)


def fmt_coord(x):
    return "%.4f" % x


def fmt_price(p):
    return "%.2f" % p


def write_all():
    used_stops = []
    seen = set()
    for sid, *_ in STATIONS + AIRPORTS:
        if sid not in seen:
            used_stops.append(sid)
            seen.add(sid)
    write_csv("agency.txt", ["agency_id", "agency_name", "agency_url", "agency_timezone"],
              [(a, n, u, TZ) for a, n, u in AGENCIES])
    write_csv("stops.txt", ["stop_id", "stop_name", "stop_lat", "stop_lon", "zone_id"],
              [(s, STOP[s][0], fmt_coord(STOP[s][1]), fmt_coord(STOP[s][2]), STOP[s][3]) for s in used_stops])
    write_csv("routes.txt", ["route_id", "agency_id", "route_short_name", "route_long_name", "route_type"],
              [(r, ROUTES[r][0], ROUTES[r][1], ROUTES[r][2], ROUTES[r][3]) for r in ROUTE_ORDER])
    write_csv("trips.txt", ["route_id", "service_id", "trip_id", "trip_short_name", "trip_headsign"],
              [(t["route_id"], t["service_id"], t["trip_id"], t["short"], t["headsign"]) for t in TRIPS])
    st = []
    for t in TRIPS:
        for seq, (s, arr, dep) in enumerate(t["rows"], start=1):
            st.append((t["trip_id"], gtfs_time(arr), gtfs_time(dep), s, seq))
    write_csv("stop_times.txt", ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"], st)
    write_csv("calendar.txt", ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday",
                               "saturday", "sunday", "start_date", "end_date"],
              [(sid,) + days + (START_DATE, END_DATE) for sid, days in CALENDAR])
    write_csv("calendar_dates.txt", ["service_id", "date", "exception_type"], CALENDAR_DATES)
    fare_rows, rule_rows = [], []
    for (route_id, oz, dz) in sorted(FARES, key=lambda k: (ROUTE_ORDER.index(k[0]), k[1], k[2])):
        fid = "%s-%s-%s" % (route_id, oz, dz)
        fare_rows.append((fid, fmt_price(FARES[(route_id, oz, dz)]), "CNY", 1, 0))
        rule_rows.append((fid, route_id, oz, dz))
    write_csv("fare_attributes.txt", ["fare_id", "price", "currency_type", "payment_method", "transfers"], fare_rows)
    write_csv("fare_rules.txt", ["fare_id", "route_id", "origin_id", "destination_id"], rule_rows)
    write_csv("cities.csv", ["city_id", "name", "name_zh", "lat", "lon", "time_zone"],
              [(c, n, zh, fmt_coord(la), fmt_coord(lo), TZ) for c, n, zh, la, lo in CITIES])
    write_csv("city_stops.csv", ["stop_id", "city_id"], [(s, STOP[s][3]) for s in used_stops])


# ---------------------------------------------------------------------------------------------
# self-check: read the files back and validate

FILES = ["agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "calendar.txt",
         "calendar_dates.txt", "fare_attributes.txt", "fare_rules.txt", "cities.csv", "city_stops.csv"]


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def parse_time(s):
    h, m, sec = s.split(":")
    if len(m) != 2 or len(sec) != 2 or not (1 <= len(h) <= 2):
        raise ValueError(s)
    h, m, sec = int(h), int(m), int(sec)
    if m > 59 or sec > 59:
        raise ValueError(s)
    return h * 3600 + m * 60 + sec


def self_check():
    errors = []

    def err(msg):
        if len(errors) < 50:
            errors.append(msg)
        else:
            errors.append(None)

    data = {n: read(n) for n in FILES}

    def ids(name, col):
        vals = [r[col] for r in data[name]]
        dup = {v for v, c in Counter(vals).items() if c > 1}
        for v in sorted(dup):
            err("%s: duplicate %s %s" % (name, col, v))
        return set(vals)

    agencies = ids("agency.txt", "agency_id")
    stops = ids("stops.txt", "stop_id")
    routes = ids("routes.txt", "route_id")
    trips = ids("trips.txt", "trip_id")
    services = ids("calendar.txt", "service_id")
    cities = ids("cities.csv", "city_id")
    fares = ids("fare_attributes.txt", "fare_id")
    ids("city_stops.csv", "stop_id")

    for a in data["agency.txt"]:
        if a["agency_timezone"] != TZ:
            err("agency %s timezone %s" % (a["agency_id"], a["agency_timezone"]))
    for c in CORE_CITIES:
        if c not in cities:
            err("core city missing: " + c)
    for c in data["cities.csv"]:
        if c["time_zone"] != TZ:
            err("city %s time zone" % c["city_id"])
        if not (18 <= float(c["lat"]) <= 54 and 73 <= float(c["lon"]) <= 135):
            err("city %s outside China" % c["city_id"])
    city_of = {r["stop_id"]: r["city_id"] for r in data["city_stops.csv"]}
    for r in data["city_stops.csv"]:
        if r["stop_id"] not in stops:
            err("city_stops: unknown stop " + r["stop_id"])
        if r["city_id"] not in cities:
            err("city_stops: unknown city " + r["city_id"])
    cityrow = {c["city_id"]: c for c in data["cities.csv"]}
    zone_of = {}
    for s in data["stops.txt"]:
        zone_of[s["stop_id"]] = s["zone_id"]
        if s["stop_id"] not in city_of:
            err("stop %s has no city" % s["stop_id"])
        elif s["zone_id"] != city_of[s["stop_id"]]:
            err("stop %s zone_id %s != city %s" % (s["stop_id"], s["zone_id"], city_of[s["stop_id"]]))
        else:
            c = cityrow[city_of[s["stop_id"]]]
            d = haversine_km(float(s["stop_lat"]), float(s["stop_lon"]), float(c["lat"]), float(c["lon"]))
            if d > 60:
                err("stop %s is %.0f km from its city centre" % (s["stop_id"], d))
    for c in CORE_CITIES:
        if c not in city_of.values():
            err("core city %s has no stop" % c)

    route_type = {}
    for r in data["routes.txt"]:
        route_type[r["route_id"]] = int(r["route_type"])
        if r["agency_id"] not in agencies:
            err("route %s: unknown agency %s" % (r["route_id"], r["agency_id"]))
        rt = int(r["route_type"])
        if not (rt == 2 or 100 <= rt <= 117 or 1100 <= rt <= 1199):
            err("route %s: route_type %d" % (r["route_id"], rt))

    cal_dates = data["calendar_dates.txt"]
    for r in data["calendar.txt"]:
        if r["start_date"] != START_DATE or r["end_date"] != END_DATE:
            err("calendar %s dates" % r["service_id"])
    for r in cal_dates:
        if r["service_id"] not in services:
            err("calendar_dates: unknown service " + r["service_id"])
        if not START_DATE <= r["date"] <= END_DATE or r["exception_type"] not in ("1", "2"):
            err("calendar_dates: bad row %s" % r)
        if r["date"] in WEEK_DATES and r["service_id"] not in ("DAILY_X0309", "EXTRA_0311"):
            err("calendar_dates: the sample week must run as it always has: %s" % r)
    # Every day of the season has a train or flight (Tiaoqi refuses a week the timetable does not cover).
    exceptions = {(r["service_id"], r["date"]): r["exception_type"] for r in cal_dates}
    day_names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    used = {t["service_id"] for t in data["trips.txt"]}
    by_service = {r["service_id"]: r for r in data["calendar.txt"]}

    def runs(service, day):
        if (service, day) in exceptions:
            return exceptions[(service, day)] == "1"
        r = by_service.get(service)
        return r is not None and r["start_date"] <= day <= r["end_date"] and r[day_names[weekday(day)]] == "1"
    first = datetime.date(int(START_DATE[:4]), int(START_DATE[4:6]), int(START_DATE[6:]))
    last = datetime.date(int(END_DATE[:4]), int(END_DATE[4:6]), int(END_DATE[6:]))
    season = [(first + datetime.timedelta(days=k)).strftime("%Y%m%d") for k in range((last - first).days + 1)]
    for day in season:
        if not any(runs(service, day) for service in used):
            err("no trip runs on %s" % day)

    shorts = defaultdict(list)
    trip_route = {}
    for t in data["trips.txt"]:
        trip_route[t["trip_id"]] = t["route_id"]
        shorts[t["trip_short_name"]].append(t["trip_id"])
        if t["route_id"] not in routes:
            err("trip %s: unknown route %s" % (t["trip_id"], t["route_id"]))
        if t["service_id"] not in services:
            err("trip %s: unknown service %s" % (t["trip_id"], t["service_id"]))
        if not t["trip_short_name"]:
            err("trip %s: no short name" % t["trip_id"])
    for s, tl in shorts.items():
        if len(tl) > 1:
            err("trip_short_name %s used by %s" % (s, tl))

    by_trip = defaultdict(list)
    for r in data["stop_times.txt"]:
        if r["trip_id"] not in trips:
            err("stop_times: unknown trip " + r["trip_id"])
            continue
        if r["stop_id"] not in stops:
            err("stop_times: unknown stop " + r["stop_id"])
            continue
        try:
            a, d = parse_time(r["arrival_time"]), parse_time(r["departure_time"])
        except ValueError:
            err("stop_times: bad time in %s" % r)
            continue
        by_trip[r["trip_id"]].append((int(r["stop_sequence"]), a, d, r["stop_id"]))
    used_stops = set()
    fare_rules = {(r["route_id"], r["origin_id"], r["destination_id"]) for r in data["fare_rules.txt"]}
    over_midnight = 0
    for tid in trips:
        rows = sorted(by_trip.get(tid, []))
        if len(rows) < 2:
            err("trip %s has %d stop_times" % (tid, len(rows)))
            continue
        seqs = [r[0] for r in rows]
        if len(set(seqs)) != len(seqs):
            err("trip %s: repeated stop_sequence" % tid)
        if rows[0][1] != rows[0][2] or rows[-1][1] != rows[-1][2]:
            err("trip %s: arrival != departure at an end" % tid)
        prev = -1
        for _, a, d, s in rows:
            if a < prev or d < a:
                err("trip %s: times go backwards at %s" % (tid, s))
            prev = d
        for _, a, d, s in rows[1:-1]:
            if d - a != DWELL * 60:
                err("trip %s: dwell at %s is not %d min" % (tid, s, DWELL))
        if rows[-1][2] >= 24 * 3600:
            over_midnight += 1
        sl = [r[3] for r in rows]
        if len(set(sl)) != len(sl):
            err("trip %s visits a stop twice" % tid)
        used_stops.update(sl)
        rid = trip_route[tid]
        for i in range(len(sl)):
            for j in range(i + 1, len(sl)):
                if (rid, zone_of[sl[i]], zone_of[sl[j]]) not in fare_rules:
                    err("no fare rule for %s %s->%s (trip %s)" % (rid, zone_of[sl[i]], zone_of[sl[j]], tid))
    if over_midnight == 0:
        err("no trip passes 24:00:00")
    for s in sorted(stops - used_stops):
        err("stop %s is served by no trip" % s)
    for r in data["fare_rules.txt"]:
        if r["fare_id"] not in fares:
            err("fare_rules: unknown fare " + r["fare_id"])
        if r["route_id"] not in routes:
            err("fare_rules: unknown route " + r["route_id"])
        for z in (r["origin_id"], r["destination_id"]):
            if z not in set(zone_of.values()):
                err("fare_rules: unknown zone " + z)
    for r in data["fare_attributes.txt"]:
        p = float(r["price"])
        if r["currency_type"] != "CNY" or p <= 0:
            err("fare %s: bad price" % r["fare_id"])
        rid = r["fare_id"]
        if rid.startswith("AIR-") and not (600 <= p <= 1400):
            err("air fare %s out of range: %s" % (rid, p))
    n_st = len(data["stop_times.txt"])
    if n_st >= 15000:
        err("too many stop_times rows: %d" % n_st)

    print("stops: %d (stations %d, airports %d)" % (len(stops), sum(1 for s in stops if s not in
                                                                       {a[0] for a in AIRPORTS}),
                                                     sum(1 for s in stops if s in {a[0] for a in AIRPORTS})))
    print("cities: %d" % len(cities))
    print("agencies: %d" % len(agencies))
    print("routes: %d (rail %d, air %d)" % (len(routes), sum(1 for v in route_type.values() if v < 1100),
                                             sum(1 for v in route_type.values() if v >= 1100)))
    n_air = sum(1 for t in data["trips.txt"] if route_type.get(t["route_id"], 0) >= 1100)
    print("trips: %d (rail %d, flights %d), %d end after 24:00:00" % (len(trips), len(trips) - n_air, n_air,
                                                                       over_midnight))
    print("stop_times rows: %d" % n_st)
    print("services: %d, calendar_dates rows: %d" % (len(services), len(cal_dates)))
    print("season: %s .. %s, %d days with trains or flights" % (START_DATE, END_DATE, len(season)))
    print("fares: %d, fare rules: %d" % (len(fares), len(data["fare_rules.txt"])))
    if errors:
        for e in errors:
            if e is None:
                print("ERROR: ... more errors", file=sys.stderr)
                break
            print("ERROR: " + e, file=sys.stderr)
        return 1
    print("self-check OK")
    return 0


def main():
    write_all()
    return self_check()


if __name__ == "__main__":
    sys.exit(main())
