"""The management dashboard over HTTP (RP-1) on the demo company: its parts add up (distributions to the
customers, bands to the credit accounts), they are the reports they show, a bad date names the field, and a
salesperson sees its own customers only."""

import datetime
import os
import shutil
import tempfile
import unittest

from credo_server import CredoServer, CredoTestCase, run_cli

DEMO_PASSWORD = "credo-demo"
BANDS = ["no_limit", "below_half", "half_to_first", "first_to_second", "second_to_limit", "over_limit"]


def cents(amount: str) -> int:
    """A decimal amount with two places ("-1234.50") as an integer count of cents."""
    sign = -1 if amount.startswith("-") else 1
    whole, _, frac = amount.lstrip("-").partition(".")
    return sign * (int(whole) * 100 + int((frac + "00")[:2]))


class DashboardTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        unittest.TestCase.setUpClass()
        cls.root = tempfile.mkdtemp(prefix="credo-dashboard-test-")
        cls.addClassCleanup(shutil.rmtree, cls.root, True)
        data = os.path.join(cls.root, "data")
        loaded = run_cli("demo", "--data", data, timeout=300)
        assert loaded.returncode == 0, loaded.stderr
        cls.server = server = CredoServer(users=(), data_dir=data)
        cls.addClassCleanup(server.stop)
        server.start()
        cls.c = {}
        for name in ("admin", "finance", "sales.east1", "rm.north"):
            client = server.client()
            client.login(name, DEMO_PASSWORD)
            cls.c[name] = client
            cls.addClassCleanup(client.close)
        cls.admin = cls.c["admin"]
        cls.today = datetime.date.today().isoformat()

    def dashboard(self, who="admin", **query):
        return self.assertStatus(self.c[who].get("/reports/dashboard", query=query), 200)

    def customer_ids(self, who):
        ids, page = set(), 1
        while True:
            body = self.assertStatus(self.c[who].get("/customers", query={"page_size": 200, "page": page}), 200)
            ids |= {c["id"] for c in body["items"]}
            if len(ids) >= body["total"] or not body["items"]:
                return ids, body["total"]
            page += 1

    def assertAddsUp(self, d, customers):
        """The parts of `d` add up; `customers`: how many files the distributions must count."""
        for part in ("tiers", "grades"):
            dist = d[part]
            self.assertEqual(dist["total"], customers, part)
            self.assertEqual(sum(g["count"] for g in dist["groups"]), customers, part)
            if customers:
                self.assertEqual(sum(g["share_bp"] for g in dist["groups"]), 10000, part)
        self.assertEqual([g["key"] for g in d["tiers"]["groups"]], ["A", "B", "C", "D"])
        self.assertEqual([g["key"] for g in d["grades"]["groups"]], ["I", "II", "III", "IV", ""])
        e = d["exposure"]
        self.assertEqual([b["band"] for b in e["bands"]], BANDS)
        self.assertEqual(sum(b["accounts"] for b in e["bands"]), e["accounts"])
        self.assertEqual(sum(c["accounts"] for c in e["currencies"]), e["accounts"])
        self.assertLessEqual(e["on_hold"], e["accounts"])
        self.assertEqual(e["exposure_as_of"], self.today)
        self.assertLessEqual(len(e["top"]), 10)
        ratios = [t["utilization_bp"] for t in e["top"]]
        self.assertEqual(ratios, sorted(ratios, reverse=True))
        if not e["unconverted"]:
            # Every currency converted: the base figures are the currencies' sums (all CNY in the demo).
            self.assertTrue(all(c["currency"] == e["currency"] for c in e["currencies"]))
            self.assertEqual(cents(e["limit"]["amount"]), sum(cents(c["limit"]["amount"]) for c in e["currencies"]))
            self.assertEqual(cents(e["exposure"]["amount"]),
                             sum(cents(c["exposure"]["amount"]) for c in e["currencies"]))
        rows = d["aging"]["rows"]
        self.assertEqual(d["aging"]["group_by"], "region")
        for bucket in ("not_due", "d1_30", "d31_60", "d61_90", "over_90", "total"):
            self.assertEqual(sum(cents(r["amounts"][bucket]) for r in rows), cents(d["aging"]["total"][bucket]))
        self.assertEqual(len(d["collections"]["months"]), 12)
        self.assertEqual(d["collections"]["to"], d["as_of"][:7])
        self.assertEqual(d["collections"]["months"][-1]["month"], d["as_of"][:7])

    def test_the_parts_add_up(self):
        _, customers = self.customer_ids("admin")
        d = self.dashboard()
        self.assertEqual(d["as_of"], self.today)
        self.assertEqual(d["base_currency"], "CNY")
        self.assertAddsUp(d, customers)
        e = d["exposure"]
        self.assertGreater(e["accounts"], 50)
        self.assertLessEqual(e["accounts"], customers)  # today's files, today's accounts
        self.assertGreater(cents(e["limit"]["amount"]), 0)
        self.assertIsNotNone(e["utilization_bp"])
        self.assertEqual(len(e["top"]), 10)
        self.assertEqual(e["levels"], {"first_bp": 8000, "second_bp": 9000})
        self.assertGreater(sum(b["accounts"] for b in e["bands"] if b["band"] != "no_limit"), 0)
        self.assertGreater(cents(d["aging"]["total"]["total"]), 0)

    def test_the_parts_are_the_reports_they_show(self):
        as_of = (datetime.date.today() - datetime.timedelta(days=45)).isoformat()
        d = self.dashboard(as_of=as_of)
        self.assertEqual(d["as_of"], as_of)
        self.assertEqual(d["exposure"]["as_of"], as_of)
        self.assertEqual(d["exposure"]["exposure_as_of"], self.today)  # credit accounts hold today's exposure
        # Files entered since then are not counted: the distributions hold the customers of that day.
        _, now = self.customer_ids("admin")
        self.assertLessEqual(d["tiers"]["total"], now)
        self.assertAddsUp(d, d["tiers"]["total"])
        tiers = self.assertStatus(self.admin.get("/reports/tiers", query={"as_of": as_of}), 200)
        grades = self.assertStatus(self.admin.get("/reports/grades", query={"as_of": as_of}), 200)
        aging = self.assertStatus(self.admin.get("/reports/aging", query={"as_of": as_of, "group_by": "region"}), 200)
        day = datetime.date.fromisoformat(as_of)
        year, month = divmod(day.year * 12 + day.month - 1 - 11, 12)  # eleven months before as_of's
        first = f"{year:04d}-{month + 1:02d}"
        kpis = self.assertStatus(self.admin.get("/reports/kpis", query={"as_of": as_of, "from": first,
                                                                         "to": as_of[:7]}), 200)
        self.assertEqual(d["tiers"], tiers)
        self.assertEqual(d["grades"], grades)
        self.assertEqual(d["aging"], aging)
        self.assertEqual(d["collections"], kpis)
        self.assertEqual(d["collections"]["from"], first)

    def test_bad_input_names_the_field(self):
        for value in ("2026-02-30", "30/06/2026", "yesterday", ""):
            with self.subTest(as_of=value):
                self.assertError(self.admin.get("/reports/dashboard", query={"as_of": value}), 400,
                                 "invalid_argument", "as_of")
        self.assertError(self.admin.get("/reports/dashboard", query={"group_by": "region"}), 400,
                         "invalid_argument", "group_by")
        with self.server.client() as anonymous:
            self.assertStatus(anonymous.get("/reports/dashboard"), 401)

    def test_a_salesperson_sees_its_own_customers(self):
        mine, count = self.customer_ids("sales.east1")
        _, everyone = self.customer_ids("admin")
        self.assertGreater(count, 0)
        self.assertLess(count, everyone)
        d = self.dashboard("sales.east1")
        self.assertAddsUp(d, count)
        e = d["exposure"]
        self.assertGreater(e["accounts"], 0)
        self.assertLessEqual(e["accounts"], count)
        self.assertLess(e["accounts"], self.dashboard("finance")["exposure"]["accounts"])
        self.assertTrue({t["customer"]["id"] for t in e["top"]} <= mine, e["top"])
        for row in d["aging"]["rows"]:
            self.assertEqual(row["key"], "east")
        # A regional manager of another region sees none of them.
        north = self.dashboard("rm.north")
        self.assertFalse({t["customer"]["id"] for t in north["exposure"]["top"]} & mine)
        self.assertTrue(all(row["key"] == "north" for row in north["aging"]["rows"]))
        _, north_count = self.customer_ids("rm.north")
        self.assertAddsUp(north, north_count)


if __name__ == "__main__":
    unittest.main()
