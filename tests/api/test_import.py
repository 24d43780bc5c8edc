"""CSV import of customer files, through the API and through `credo import customers`."""

import os
import tempfile
import unittest

from credo_server import CredoTestCase, run_cli

HEADER = ("kind,name,region,phone,address,legal_representative,tax_id,ownership_type,registered_capital,"
          "products,needs,owner,contact_name,contact_email")

# Row 1 spans lines 2-3 (a quoted long-text cell with a line break); rows 3 and 4 are invalid.
MIXED = "\r\n".join([
    HEADER,
    'enterprise,温州阀门一厂,east,0577-11112222,温州市龙湾区,李一,91330300MA00000001,private,1000000.00 CNY,'
    '"闸阀; 球阀","需要\n高压闸阀",sales1,王经理,wang@example.cn',
    "trader,杭州五金商行,east,0571-33334444,杭州市上城区,,,,,,,,,",
    "enterprise,缺税号公司,east,0577,地址,张,,private,,,,,,",
    "individual,火星客户,mars,13900001111,,,,,,,,,,",
    "individual,个人客户甲,south,13900002222,,,,,,,,,,bad-email",
    "",
])

VALID = "\n".join([
    HEADER,
    "individual,全有全无甲,east,13700000001,,,,,,,,,,",
    "individual,全有全无乙,north,13700000002,,,,,,,,,,",
    "",
])


def with_bad_row(text: str, bad: str) -> str:
    return text + bad + "\n"


class ImportTest(CredoTestCase):
    def post_csv(self, text, client=None, content_type="text/csv; charset=utf-8", **query):
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        client = client or self.admin
        return client.request("POST", "/imports/customers", raw=data, query=query or None,
                              headers={"Content-Type": content_type})

    def test_valid_rows_mode(self):
        before = self.total()
        report = self.assertStatus(self.post_csv(MIXED), 200)
        self.assertEqual(set(report), {"mode", "dry_run", "committed", "total", "created", "failed", "rows"})
        self.assertEqual((report["mode"], report["dry_run"], report["committed"]), ("valid_rows", False, True))
        self.assertEqual((report["total"], report["created"], report["failed"]), (5, 2, 3))
        rows = report["rows"]
        self.assertEqual([r["row"] for r in rows], [1, 2, 3, 4, 5])
        self.assertEqual([r["line"] for r in rows], [2, 4, 5, 6, 7])
        self.assertEqual([r["status"] for r in rows], ["created", "created", "error", "error", "error"])
        for r in rows[:2]:
            self.assertRegex(r["code"], r"^C\d{10}$")
            self.assertIsInstance(r["id"], int)
            self.assertNotIn("errors", r)
        self.assertEqual(set(rows[2]["errors"]), {"tax_id", "phone"})
        self.assertEqual(set(rows[3]["errors"]), {"region"})
        # A contact with only a (bad) e-mail: both problems are reported.
        self.assertEqual(set(rows[4]["errors"]), {"contacts[0].name", "contacts[0].email"})
        for r in rows[2:]:
            self.assertNotIn("id", r)
            self.assertNotIn("code", r)
        self.assertEqual(self.total(), before + 2)

        # The created files hold what the file said.
        c = self.assertStatus(self.admin.get(f"/customers/{rows[0]['id']}"), 200)
        self.assertEqual(c["code"], rows[0]["code"])
        self.assertEqual(c["name"], "温州阀门一厂")
        self.assertEqual(c["registered_capital"], {"amount": "1000000.00", "currency": "CNY"})
        self.assertEqual(c["products"], ["闸阀", "球阀"])
        self.assertEqual(c["needs"], "需要\n高压闸阀")
        self.assertEqual(c["owner_name"], "sales1")
        self.assertEqual(len(c["contacts"]), 1)
        self.assertEqual(c["contacts"][0]["name"], "王经理")
        self.assertEqual(c["contacts"][0]["email"], "wang@example.cn")
        self.assertIs(c["contacts"][0]["primary"], True)
        history = self.admin.get(f"/customers/{rows[0]['id']}/history")[2]["items"]
        self.assertEqual((len(history), history[0]["reason"]), (1, "import"))

    def test_all_or_nothing_with_a_bad_row_creates_nothing(self):
        before = self.total()
        text = with_bad_row(VALID, "enterprise,坏行公司,east,0577-12345678,,,,,,,,,,")
        report = self.assertStatus(self.post_csv(text, mode="all_or_nothing"), 200)
        self.assertEqual((report["mode"], report["committed"], report["created"], report["failed"]),
                         ("all_or_nothing", False, 0, 1))
        self.assertEqual([r["status"] for r in report["rows"]], ["skipped", "skipped", "error"])
        self.assertIn("tax_id", report["rows"][2]["errors"])
        for r in report["rows"]:
            self.assertNotIn("id", r)
        self.assertEqual(self.total(), before)

    def test_all_or_nothing_rolls_back_on_a_reference_error(self):
        # The region is checked inside the transaction, after the valid rows were written: they are undone.
        before = self.total()
        text = with_bad_row(VALID, "individual,未知区域,atlantis,13700000003,,,,,,,,,,")
        report = self.assertStatus(self.post_csv(text, mode="all_or_nothing"), 200)
        self.assertEqual((report["committed"], report["created"], report["failed"]), (False, 0, 1))
        self.assertEqual([r["status"] for r in report["rows"]], ["skipped", "skipped", "error"])
        self.assertEqual(set(report["rows"][2]["errors"]), {"region"})
        self.assertEqual(self.total(), before)
        self.assertEqual(self.total(q="全有全无"), 0)

    def test_all_or_nothing_all_valid(self):
        before = self.total()
        text = VALID.replace("全有全无", "全部有效")
        report = self.assertStatus(self.post_csv(text, mode="all_or_nothing"), 200)
        self.assertEqual((report["committed"], report["created"], report["failed"]), (True, 2, 0))
        self.assertEqual(self.total(), before + 2)

    def test_dry_run_creates_nothing(self):
        before = self.total()
        for mode in ("valid_rows", "all_or_nothing"):
            with self.subTest(mode=mode):
                report = self.assertStatus(self.post_csv(MIXED, dry_run="true", mode=mode), 200)
                self.assertEqual((report["dry_run"], report["committed"], report["created"], report["failed"]),
                                 (True, False, 0, 3))
                self.assertEqual([r["status"] for r in report["rows"]], ["valid", "valid", "error", "error",
                                                                         "error"])
                for r in report["rows"]:
                    self.assertNotIn("id", r)
                    self.assertNotIn("code", r)
        self.assertEqual(self.total(), before)
        report = self.assertStatus(self.post_csv(VALID, dry_run="false"), 200)
        self.assertEqual(report["created"], 2)
        self.assertEqual(self.total(), before + 2)

    def test_duplicate_warnings_in_the_report(self):
        existing = self.create_customer(name="已存在的导入公司")
        text = ("kind,name,region,phone\n"
                "individual,已存在的导入公司,east,13500000020\n"
                "individual,新的导入客户,east,13500000021\n")
        for dry_run in ("true", "false"):
            with self.subTest(dry_run=dry_run):
                report = self.assertStatus(self.post_csv(text, dry_run=dry_run), 200)
                first, second = report["rows"]
                if dry_run == "false":
                    self.assertEqual(first["warnings"], [{"code": "duplicate", "field": "name", "match": {
                        "id": existing["id"], "code": existing["code"], "name": existing["name"]}}])
                    self.assertNotIn("warnings", second)
                self.assertEqual(report["failed"], 0)

    def test_bom_crlf_and_header_only(self):
        text = "\ufeff" + "kind,name,region,phone\r\nindividual,带BOM的客户,east,13500000001\r\n"
        report = self.assertStatus(self.post_csv(text), 200)
        self.assertEqual((report["total"], report["created"]), (1, 1))
        report = self.assertStatus(self.post_csv("kind,name,region,phone\n"), 200)
        self.assertEqual((report["total"], report["created"], report["rows"]), (0, 0, []))

    def test_unreadable_files_are_400_with_line(self):
        before = self.total()
        cases = [
            ("kind,name,region,phone\nindividual,ok,east,13500000002\nindividual,bad\"quote,east,135\n", "3"),
            ("kind,name,region,phone\nindividual,\"x\"y,east,13500000002\n", "2"),
            ("kind,name,region,phone\nindividual,ok,east,13500000002\nindividual,\"never closed,east,1\n", "3"),
            ("kind,name,region,phone\nindividual,ok,east\n", "2"),
            ("kind,name,region,phone\nindividual,ok,east,13500000002,extra\n", "2"),
            ("kind,name,name,phone\n", "1"),
            ("kind,,region\n", "1"),
            ("", "1"),
            ("\n\n", "1"),
        ]
        for text, line in cases:
            with self.subTest(text=text):
                err = self.assertError(self.post_csv(text), 400, "invalid_argument", field="line")
                self.assertEqual(err["fields"]["line"], line)
        self.assertEqual(self.total(), before)

    def test_invalid_utf8_is_400(self):
        before = self.total()
        gbk = ("kind,name,region,phone\r\nindividual,正常客户,east,13500000003\r\n"
               "individual,").encode("utf-8") + "国标编码客户".encode("gbk") + b",east,13500000004\r\n"
        err = self.assertError(self.post_csv(gbk), 400, "invalid_argument", field="line")
        self.assertEqual(err["fields"]["line"], "3")
        self.assertIn("UTF-8", err["message"])
        # A whole file in GBK fails on its first Chinese character.
        whole = "kind,name,region,phone\r\nindividual,国标客户,east,13500000005\r\n".encode("gbk")
        err = self.assertError(self.post_csv(whole), 400, "invalid_argument", field="line")
        self.assertEqual(err["fields"]["line"], "2")
        self.assertEqual(self.total(), before)

    def test_unknown_column_is_400(self):
        err = self.assertError(self.post_csv("kind,name,region,phone,favourite_colour\n"
                                             "individual,某人,east,13500000006,red\n"),
                               400, "invalid_argument", field="header")
        self.assertIn("favourite_colour", err["fields"]["header"])
        self.assertEqual(err["fields"].get("line"), "1")

    def test_export_only_columns_are_ignored(self):
        text = ("code,kind,name,region,phone,version,completeness,updated_at\n"
                "C1999000001,individual,带系统列,east,13500000007,9,50,2020-01-01T00:00:00.000Z\n")
        report = self.assertStatus(self.post_csv(text), 200)
        self.assertEqual(report["created"], 1)
        c = self.admin.get(f"/customers/{report['rows'][0]['id']}")[2]
        self.assertNotEqual(c["code"], "C1999000001")
        self.assertEqual(c["version"], 1)

    def test_bad_parameters_and_content_type(self):
        self.assertError(self.post_csv(VALID, mode="some"), 400, "invalid_argument", field="mode")
        self.assertError(self.post_csv(VALID, dry_run="yes"), 400, "invalid_argument", field="dry_run")
        self.assertError(self.post_csv(VALID, force="true"), 400, "invalid_argument", field="force")
        self.assertError(self.post_csv(VALID, content_type="application/json"), 415, "unsupported")
        self.assertError(self.post_csv(VALID, client=self.auditor), 403, "forbidden")
        self.assertEqual(self.total(q="全有全无"), 0)

    def test_row_level_value_errors(self):
        text = "\n".join([
            "kind,name,region,phone,registered_capital,sales_capability,relationship_start,owner,stage",
            "individual,甲,east,13500000010,-5 CNY,,,,",
            "individual,乙,east,13500000011,5.001 CNY,,,,",
            "individual,丙,east,13500000012,,9,,,",
            "individual,丁,east,13500000013,,,2024-02-30,,",
            "individual,戊,east,13500000014,,,,nobody,",
            "individual,己,east,13500000015,,,,,someday",
            "company,庚,east,13500000016,,,,,",
            ",辛,east,13500000017,,,,,",
            "",
        ])
        report = self.assertStatus(self.post_csv(text, dry_run="true"), 200)
        expected = ["registered_capital", "registered_capital", "sales_capability", "relationship_start",
                    "owner", "stage", "kind", "kind"]
        self.assertEqual(report["failed"], len(expected))
        for row, field in zip(report["rows"], expected):
            with self.subTest(row=row["row"]):
                self.assertEqual(row["status"], "error")
                self.assertTrue(any(k.startswith(field) for k in row["errors"]), row)

    def write_file(self, text: str, suffix=".csv") -> str:
        fd, path = tempfile.mkstemp(suffix=suffix, dir=self.server.tmp_root)
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
        return path

    def test_cli_import(self):
        data = self.server.data_dir
        before = self.total()
        bad = self.write_file(with_bad_row(VALID.replace("全有全无", "命令行"),
                                           "enterprise,命令行坏行,east,0577-12345678,,,,,,,,,,"))
        r = run_cli("import", "customers", bad, "--all-or-nothing", "--data", data)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"tax_id", r.stderr)
        self.assertIn(b"row 3", r.stderr)
        self.assertIn(b"nothing written", r.stdout)
        self.assertEqual(self.total(), before)

        good = self.write_file(VALID.replace("全有全无", "命令行好"))
        r = run_cli("import", "customers", good, "--dry-run", "--data", data)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.total(), before)
        r = run_cli("import", "customers", good, "--all-or-nothing", "--data", data)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"2 created", r.stdout)
        self.assertEqual(self.total(), before + 2)
        self.assertEqual(self.total(q="命令行好"), 2)

        # Unreadable input: a failure with a one-line reason; wrong usage: 2.
        broken = self.write_file('kind,name\nindividual,"open\n')
        r = run_cli("import", "customers", broken, "--data", data)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
        r = run_cli("import", "customers", os.path.join(self.server.tmp_root, "missing.csv"), "--data", data)
        self.assertEqual(r.returncode, 1, r.stderr)
        r = run_cli("import", "customers", self.write_file("x", suffix=".xlsx"), "--data", data)
        self.assertEqual(r.returncode, 2, r.stderr)
        r = run_cli("import", "customers", "--data", data)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(self.total(), before + 2)


if __name__ == "__main__":
    unittest.main()
