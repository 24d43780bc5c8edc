"""Listing and searching customer files: q, filters, sorting, paging, parameter errors."""

import unittest

from credo_server import CredoTestCase, enterprise

# A fixed set of files in a fresh database, so every expectation is exact.
FILES = [
    enterprise("浙江阀门制造有限公司", region="east", phone="0571-88886666", lifecycle="established",
               importance="important"),
    {"kind": "trader", "name": "上海阀门贸易商行", "region": "east", "phone": "021-66668888",
     "address": "上海市普陀区", "lifecycle": "new"},
    enterprise("北京泵业有限公司", region="north", phone="010-12341234", nature="government",
               contacts=[{"name": "李四光", "title": "采购经理", "phones": ["13911112222"]}]),
    enterprise("广州机电设备公司", region="south", phone="020-55556666", lifecycle="established"),
    {"kind": "individual", "name": "王五", "region": "north", "phone": "13700001111", "lifecycle": "dormant"},
    enterprise("Acme Valve Works Ltd", region="south", phone="+86 755 1234 5678", nature="partner",
               contacts=[{"name": "John Smith"}]),
    enterprise("重庆门窗有限公司", region="southwest", phone="023-77778888"),
]


class SearchTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.files = []
        for body in FILES:
            status, _, c = cls.admin.post("/customers", body)
            assert status == 201, c
            cls.files.append(c)
        cls.by_name = {c["name"]: c for c in cls.files}

    def search(self, client=None, **query):
        client = client or self.admin
        return self.assertStatus(client.get("/customers", query=query), 200)

    def names(self, **query):
        return sorted(item["name"] for item in self.search(**query)["items"])

    def test_list_all(self):
        body = self.search()
        self.assertEqual(body["total"], len(FILES))
        self.assertEqual((body["page"], body["page_size"]), (1, 50))
        self.assertEqual(len(body["items"]), len(FILES))
        item = next(i for i in body["items"] if i["name"] == "北京泵业有限公司")
        c = self.by_name["北京泵业有限公司"]
        self.assertEqual(item, {
            "id": c["id"], "code": c["code"], "kind": "enterprise", "name": "北京泵业有限公司", "region": "north",
            "owner_id": None, "owner_name": None, "phone": "010-12341234", "lifecycle": "prospect",
            "importance": "general", "nature": "government", "completeness": c["completeness"]["score"],
            "version": c["version"], "updated_at": c["updated_at"]})
        # Default order: most recently updated first.
        self.assertEqual([i["id"] for i in body["items"]], [c["id"] for c in reversed(self.files)])

    def test_sales_and_auditor_can_search_within_their_scope(self):
        # The files here have no owner: the auditor sees them all, a salesperson none (test_access.py
        # covers the scopes in full).
        self.assertEqual(self.search(self.auditor)["total"], len(FILES))
        self.assertEqual(self.search(self.sales)["total"], 0)

    def test_q_chinese_substring(self):
        self.assertEqual(self.names(q="阀门"), ["上海阀门贸易商行", "浙江阀门制造有限公司"])
        self.assertEqual(self.names(q="有限公司"),
                         ["北京泵业有限公司", "浙江阀门制造有限公司", "重庆门窗有限公司"])
        self.assertEqual(self.names(q="泵业"), ["北京泵业有限公司"])
        self.assertEqual(self.names(q="不存在的名字"), [])
        self.assertEqual(self.search(q="阀门")["total"], 2)

    def test_q_latin_substring_is_case_insensitive(self):
        self.assertEqual(self.names(q="valve"), ["Acme Valve Works Ltd"])
        self.assertEqual(self.names(q="VALVE WORKS"), ["Acme Valve Works Ltd"])

    def test_q_code(self):
        c = self.by_name["广州机电设备公司"]
        self.assertEqual(self.names(q=c["code"]), ["广州机电设备公司"])
        self.assertEqual(self.names(q=c["code"].lower()), ["广州机电设备公司"])

    def test_q_phone_digits(self):
        self.assertEqual(self.names(q="057188"), ["浙江阀门制造有限公司"])
        self.assertEqual(self.names(q="0571-8888"), ["浙江阀门制造有限公司"])
        self.assertEqual(self.names(q="8675512"), ["Acme Valve Works Ltd"])
        self.assertEqual(self.names(q="13700001111"), ["王五"])

    def test_q_contact_name(self):
        self.assertEqual(self.names(q="李四"), ["北京泵业有限公司"])
        self.assertEqual(self.names(q="smith"), ["Acme Valve Works Ltd"])

    def test_filters(self):
        self.assertEqual(self.names(region="north"), ["北京泵业有限公司", "王五"])
        self.assertEqual(self.names(region="east"), ["上海阀门贸易商行", "浙江阀门制造有限公司"])
        self.assertEqual(self.names(region="northeast"), [])
        self.assertEqual(self.names(kind="trader"), ["上海阀门贸易商行"])
        self.assertEqual(self.names(kind="individual"), ["王五"])
        self.assertEqual(len(self.names(kind="enterprise")), 5)
        self.assertEqual(self.names(lifecycle="established"), ["广州机电设备公司", "浙江阀门制造有限公司"])
        self.assertEqual(self.names(lifecycle="dormant"), ["王五"])
        self.assertEqual(self.names(importance="important"), ["浙江阀门制造有限公司"])
        self.assertEqual(self.names(nature="government"), ["北京泵业有限公司"])
        self.assertEqual(self.names(nature="partner"), ["Acme Valve Works Ltd"])
        # Filters combine with each other and with q.
        self.assertEqual(self.names(region="east", kind="enterprise"), ["浙江阀门制造有限公司"])
        self.assertEqual(self.names(q="阀门", lifecycle="new"), ["上海阀门贸易商行"])
        self.assertEqual(self.names(q="阀门", region="south"), [])
        self.assertEqual(self.search(region="north")["total"], 2)

    def test_sort(self):
        # Only the fixed files are in the east/north/south/southwest regions.
        regions = {"east", "north", "south", "southwest"}

        def ordered(sort):
            items = self.search(sort=sort, page_size=200)["items"]
            return [i for i in items if i["region"] in regions]

        by_name = ordered("name")
        self.assertEqual([i["name"] for i in by_name], sorted(c["name"] for c in self.files))
        self.assertEqual([i["name"] for i in ordered("-name")], sorted((c["name"] for c in self.files),
                                                                       reverse=True))
        self.assertEqual([i["code"] for i in ordered("-code")], sorted((c["code"] for c in self.files),
                                                                       reverse=True))
        self.assertEqual([i["code"] for i in ordered("code")], sorted(c["code"] for c in self.files))
        self.assertEqual([i["id"] for i in ordered("created_at")], [c["id"] for c in self.files])
        self.assertEqual([i["id"] for i in ordered("-created_at")], [c["id"] for c in reversed(self.files)])
        self.assertEqual([i["id"] for i in ordered("updated_at")], [c["id"] for c in self.files])

    def test_pagination(self):
        all_items = self.search(sort="code", q="有限", page_size=200)["items"]
        self.assertGreaterEqual(len(all_items), 3)
        n = len(all_items)
        seen = []
        page = 1
        while True:
            body = self.search(sort="code", q="有限", page=page, page_size=2)
            self.assertEqual(body["total"], n)
            self.assertEqual((body["page"], body["page_size"]), (page, 2))
            if not body["items"]:
                break
            self.assertLessEqual(len(body["items"]), 2)
            seen += body["items"]
            page += 1
        self.assertEqual(page, (n + 1) // 2 + 1)
        self.assertEqual([i["id"] for i in seen], [i["id"] for i in all_items])
        body = self.search(page=1000, page_size=200)
        self.assertEqual(body["items"], [])
        self.assertGreaterEqual(body["total"], len(FILES))
        self.assertEqual(self.search(page_size=1)["page_size"], 1)
        self.assertEqual(len(self.search(page_size=200)["items"]), self.search()["total"])

    def test_every_list_reads_its_page_the_same_way(self):
        for path in ("/customers", "/orders", "/alerts", "/audit", "/collection-cases", "/write-offs",
                     "/credit-applications"):
            with self.subTest(path=path):
                one = self.assertStatus(self.admin.get(path, query={"page": "1", "page_size": "1"}), 200)
                self.assertLessEqual(len(one["items"]), 1)
                for query, field in (({"page_size": "201"}, "page_size"), ({"page": "0"}, "page")):
                    self.assertError(self.admin.get(path, query=query), 400, "invalid_argument", field=field)
        self.assertError(self.admin.get("/customers", query={"unassigned": "maybe"}), 400, "invalid_argument",
                         field="unassigned")

    def test_bad_parameters(self):
        cases = [
            ({"page_size": "0"}, "page_size"),
            ({"page_size": "201"}, "page_size"),
            ({"page_size": "-1"}, "page_size"),
            ({"page_size": "ten"}, "page_size"),
            ({"page": "0"}, "page"),
            ({"page": "x"}, "page"),
            ({"page": "1.5"}, "page"),
            ({"sort": "colour"}, "sort"),
            ({"sort": "+name"}, "sort"),
            ({"sort": ""}, "sort"),
            ({"kind": "company"}, "kind"),
            ({"lifecycle": "zombie"}, "lifecycle"),
            ({"importance": "x"}, "importance"),
            ({"nature": "x"}, "nature"),
            ({"owner_id": "abc"}, "owner_id"),
            ({"owner_id": "0"}, "owner_id"),
            ({"colour": "red"}, "colour"),
            ({"limit": "10"}, "limit"),
            ({"format": "csv"}, "format"),
        ]
        for query, field in cases:
            with self.subTest(query=query):
                self.assertError(self.admin.get("/customers", query=query), 400, "invalid_argument", field=field)


class OwnerFilterTest(CredoTestCase):
    def test_owner_filter(self):
        users = {u["username"]: u for u in self.admin.get("/users")[2]["items"]}
        sales_id = users["sales1"]["id"]
        mine = self.create_customer(name="归属测试有限公司", owner_id=sales_id)
        self.create_customer(name="无人负责有限公司")
        body = self.assertStatus(self.admin.get("/customers", query={"owner_id": sales_id}), 200)
        self.assertEqual([i["name"] for i in body["items"]], ["归属测试有限公司"])
        self.assertEqual(body["items"][0]["owner_name"], users["sales1"]["display_name"])
        self.assertEqual(body["items"][0]["owner_id"], sales_id)
        self.assertEqual(mine["owner_id"], sales_id)
        self.assertEqual(mine["owner_name"], users["sales1"]["display_name"])
        # Clearing the owner takes the file out of the filter.
        self.assertStatus(self.admin.patch(f"/customers/{mine['id']}", {"owner_id": None}, if_match=1), 200)
        self.assertEqual(self.total(owner_id=sales_id), 0)
        self.assertEqual(self.total(owner_id=999), 0)


if __name__ == "__main__":
    unittest.main()
