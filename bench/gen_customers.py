#!/usr/bin/env python3
"""Writes a CSV of N believable, valid customer files for import benchmarks.

Usage: gen_customers.py N OUT.csv [SEED]
With OWNER set in the environment, every file is owned by that username (the scope benchmarks).
Names mix cities, trade words and suffixes (化工, 阀门, 石化, 电力, 制药 …), so two-character searches
match a realistic share of files; tax ids and phone numbers are unique.
"""
import csv
import os
import random
import sys

CITIES = ["上海", "南京", "苏州", "无锡", "淮安", "杭州", "宁波", "温州", "合肥", "济南", "青岛", "东营", "北京", "天津",
          "石家庄", "太原", "广州", "深圳", "佛山", "南宁", "郑州", "武汉", "长沙", "南昌", "成都", "重庆", "贵阳", "昆明",
          "西安", "兰州", "乌鲁木齐", "银川", "沈阳", "大连", "长春", "哈尔滨"]
REGIONS = {"上海": "east", "南京": "east", "苏州": "east", "无锡": "east", "淮安": "east", "杭州": "east", "宁波": "east",
           "温州": "east", "合肥": "east", "济南": "east", "青岛": "east", "东营": "east", "北京": "north", "天津": "north",
           "石家庄": "north", "太原": "north", "广州": "south", "深圳": "south", "佛山": "south", "南宁": "south",
           "郑州": "central", "武汉": "central", "长沙": "central", "南昌": "central", "成都": "southwest",
           "重庆": "southwest", "贵阳": "southwest", "昆明": "southwest", "西安": "northwest", "兰州": "northwest",
           "乌鲁木齐": "northwest", "银川": "northwest", "沈阳": "northeast", "大连": "northeast", "长春": "northeast",
           "哈尔滨": "northeast"}
BRANDS = ["恒泰", "胜利", "浦江", "皖能", "金桥", "瑞祥", "华兴", "东方", "长江", "天元", "永安", "宏达", "新世纪", "中恒",
          "鑫源", "泰和", "海川", "博远", "万通", "正大", "安达", "联创", "汇丰", "嘉信", "昌盛", "光明", "远航", "兴业"]
TRADES = ["化工", "石化", "阀门", "电力", "制药", "造纸", "食品", "矿业", "冶金", "环保", "管道", "建筑", "水务", "热电",
          "新材料", "精细化工", "能源", "机械", "设备", "工程"]
SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司", "实业有限公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建国", "志强", "海燕", "文斌"]

COLUMNS = ["kind", "name", "region", "address", "phone", "legal_representative", "tax_id", "ownership_type",
           "registered_capital", "postcode", "email", "products", "relationship_start", "contact_name",
           "contact_title", "contact_phone"]


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    owner = os.environ.get("OWNER")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS + (["owner"] if owner else []))
        for i in range(n):
            city = rng.choice(CITIES)
            name = f"{city}{rng.choice(BRANDS)}{rng.choice(TRADES)}{rng.choice(SUFFIXES)}{i:06d}"
            person = rng.choice(SURNAMES) + rng.choice(GIVEN)
            w.writerow([
                "enterprise", name, REGIONS[city], f"{city}市经济开发区{rng.randint(1, 999)}号",
                f"0{rng.randint(10, 999)}-{10000000 + i}", person, f"91{i:016d}",
                rng.choice(["state_owned", "private", "joint_venture", "foreign"]),
                f"{rng.randint(50, 5000) * 10000}.00 CNY", f"{rng.randint(100000, 850000)}",
                f"buyer{i}@example.cn", "衬氟蝶阀; 耐腐球阀",
                f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                rng.choice(SURNAMES) + rng.choice(GIVEN), "采购经理", f"139 {i:08d}"[:13],
            ] + ([owner] if owner else []))


if __name__ == "__main__":
    main()
