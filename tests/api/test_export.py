"""CSV and XLSX export of customer files, and re-importing an export."""

import csv
import datetime
import io
import os
import re
import unittest
import xml.etree.ElementTree as ET
import zipfile

from credo_server import CredoTestCase, enterprise, run_cli

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def today():
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


def xlsx_rows(data: bytes):
    """The first sheet's cells as a list of rows of strings (shared and inline strings, numbers)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{{{NS['m']}}}row"):
        cells = {}
        for c in row.findall("m:c", NS):
            ref = c.get("r")
            col = 0
            for ch in re.match(r"[A-Z]+", ref).group(0):
                col = col * 26 + (ord(ch) - 64)
            t = c.get("t")
            if t == "s":
                value = shared[int(c.find("m:v", NS).text)]
            elif t == "inlineStr":
                value = "".join(x.text or "" for x in c.iter(f"{{{NS['m']}}}t"))
            else:
                v = c.find("m:v", NS)
                value = v.text if v is not None else ""
            cells[col - 1] = value
        width = max(cells) + 1 if cells else 0
        rows.append([cells.get(i, "") for i in range(width)])
    return rows


class ExportTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        bodies = [
            enterprise("深圳市华强阀门有限公司", region="south",
                       registered_capital={"amount": "12345.60", "currency": "CNY"},
                       products=["蝶阀", "止回阀"], sales_capability=3, relationship_start="2020-06-01",
                       needs="第一行\n第二行, 带逗号 \"引号\"",
                       contacts=[{"name": "刘主任", "title": "总工", "phones": ["13612345678"],
                                  "email": "liu@example.cn"}]),
            enterprise("=HYPERLINK(\"x\") 公式公司", region="east"),
            {"kind": "individual", "name": "张, 三", "region": "north", "phone": "+86 138 0000 1111"},
            {"kind": "trader", "name": "-减号商行", "region": "east", "phone": "021-87654321",
             "address": "上海"},
        ]
        cls.files = []
        for b in bodies:
            status, _, c = cls.admin.post("/customers", b)
            assert status == 201, c
            cls.files.append(c)

    def export(self, fmt="csv", **query):
        return self.admin.get("/exports/customers", query={"format": fmt, **query})

    def csv_rows(self, data: bytes):
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"), data[:10])
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))

    def test_csv(self):
        status, headers, data = self.export()
        self.assertEqual(status, 200, data)
        self.assertEqual(headers.get("Content-Type"), "text/csv; charset=utf-8")
        self.assertEqual(headers.get("Content-Disposition"),
                         f'attachment; filename="customers-{today()}.csv"')
        self.assertIsInstance(data, bytes)
        header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        self.assertEqual(header[:3], ["code", "kind", "name"])
        for col in ("region", "owner", "phone", "tax_id", "registered_capital", "contact_name",
                    "contact_email", "version", "completeness", "updated_at"):
            self.assertIn(col, header)
        rows = self.csv_rows(data)
        self.assertEqual(len(rows), len(self.files))
        by_code = {r["code"]: r for r in rows}
        for c in self.files:
            row = by_code[c["code"]]
            self.assertEqual(row["name"].lstrip("'") if c["name"][0] in "=-" else row["name"], c["name"])
            self.assertEqual(row["kind"], c["kind"])
            self.assertEqual(row["region"], c["region"])
            self.assertEqual(row["version"], str(c["version"]))
        first = by_code[self.files[0]["code"]]
        self.assertEqual(first["name"], "深圳市华强阀门有限公司")
        self.assertEqual(first["registered_capital"], "12345.60 CNY")
        self.assertEqual(first["products"], "蝶阀; 止回阀")
        self.assertEqual(first["needs"], "第一行\n第二行, 带逗号 \"引号\"")
        self.assertEqual(first["contact_name"], "刘主任")
        self.assertEqual(first["contact_phone"], "13612345678")
        self.assertEqual(first["sales_capability"], "3")
        self.assertEqual(first["relationship_start"], "2020-06-01")
        # Formula-like cells are defused for spreadsheets.
        self.assertEqual(by_code[self.files[1]["code"]]["name"][0], "'")
        self.assertEqual(by_code[self.files[2]["code"]]["name"], "张, 三")
        self.assertEqual(by_code[self.files[2]["code"]]["phone"], "+86 138 0000 1111")

    def test_csv_filters(self):
        rows = self.csv_rows(self.export(region="east")[2])
        self.assertEqual(sorted(r["code"] for r in rows),
                         sorted(c["code"] for c in self.files if c["region"] == "east"))
        rows = self.csv_rows(self.export(kind="individual")[2])
        self.assertEqual([r["name"] for r in rows], ["张, 三"])
        rows = self.csv_rows(self.export(q="阀门")[2])
        self.assertEqual([r["name"] for r in rows], ["深圳市华强阀门有限公司"])
        rows = self.csv_rows(self.export(sort="-code")[2])
        self.assertEqual([r["code"] for r in rows], sorted((c["code"] for c in self.files), reverse=True))
        rows = self.csv_rows(self.export(region="northeast")[2])
        self.assertEqual(rows, [])

    def test_reimporting_the_export_validates(self):
        _, _, data = self.export()
        status, _, report = self.admin.request("POST", "/imports/customers", raw=data, query={"dry_run": "true"},
                                               headers={"Content-Type": "text/csv"})
        self.assertEqual(status, 200, report)
        self.assertEqual((report["total"], report["failed"], report["created"]), (len(self.files), 0, 0))
        self.assertEqual([r["status"] for r in report["rows"]], ["valid"] * len(self.files))
        self.assertEqual(self.total(), len(self.files))

    def test_xlsx(self):
        status, headers, data = self.export("xlsx")
        self.assertEqual(status, 200, data)
        self.assertEqual(headers.get("Content-Type"), XLSX_TYPE)
        self.assertEqual(headers.get("Content-Disposition"),
                         f'attachment; filename="customers-{today()}.xlsx"')
        self.assertTrue(zipfile.is_zipfile(io.BytesIO(data)))
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.assertIn("xl/worksheets/sheet1.xml", z.namelist())
            self.assertIn("[Content_Types].xml", z.namelist())
            sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
            strings = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() \
                else ""
        # The Chinese name is stored as text, in the sheet itself or in its shared strings.
        self.assertTrue("深圳市华强阀门有限公司" in sheet or "深圳市华强阀门有限公司" in strings)
        rows = xlsx_rows(data)
        self.assertEqual(rows[0][:3], ["code", "kind", "name"])
        self.assertEqual(len(rows), 1 + len(self.files))
        names = {r[2] for r in rows[1:]}
        self.assertIn("深圳市华强阀门有限公司", names)
        self.assertIn("张, 三", names)
        self.assertEqual(sorted(r[0] for r in rows[1:]), sorted(c["code"] for c in self.files))

    def test_bad_parameters(self):
        self.assertError(self.export("pdf"), 400, "invalid_argument", field="format")
        self.assertError(self.export(page="2"), 400, "invalid_argument", field="page")
        self.assertError(self.export(region="east", kind="x"), 400, "invalid_argument", field="kind")
        self.assertError(self.export(sort="size"), 400, "invalid_argument", field="sort")

    def test_auditor_may_export(self):
        status, _, data = self.auditor.get("/exports/customers")
        self.assertEqual(status, 200)
        self.assertEqual(len(self.csv_rows(data)), len(self.files))

    def test_cli_export(self):
        for fmt in ("csv", "xlsx"):
            out = os.path.join(self.server.tmp_root, f"cli-export.{fmt}")
            r = run_cli("export", "customers", "--format", fmt, "--out", out, "--data", self.server.data_dir)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, "rb") as f:
                data = f.read()
            if fmt == "csv":
                rows = self.csv_rows(data)
                self.assertEqual([r["code"] for r in rows], sorted(c["code"] for c in self.files))
            else:
                self.assertEqual(len(xlsx_rows(data)), 1 + len(self.files))
        r = run_cli("export", "customers", "--format", "pdf", "--out", "x.pdf", "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 2, r.stderr)
        r = run_cli("export", "customers", "--format", "csv", "--out",
                    os.path.join(self.server.tmp_root, "no-such-dir", "x.csv"), "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)


if __name__ == "__main__":
    unittest.main()
