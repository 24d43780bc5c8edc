"""Contacts of a customer file (each change is a new version) and the activity log."""

import datetime
import unittest

from credo_server import CredoTestCase


def today():
    return datetime.datetime.now(datetime.timezone.utc).date()


class ContactsTest(CredoTestCase):
    def contacts_path(self, c):
        return f"/customers/{c['id']}/contacts"

    def primaries(self, customer):
        return [x["name"] for x in customer["contacts"] if x["primary"]]

    def test_add_patch_delete(self):
        c = self.create_customer()
        path = self.contacts_path(c)
        status, headers, after = self.admin.post(path, {
            "name": "赵敏", "title": "采购部经理", "phones": ["13812345678", "021-55556666"],
            "email": "zhaomin@example.cn",
            "profile": {"hobbies": "羽毛球", "age": 35, "education": "本科"}, "reason": "首次拜访"})
        self.assertEqual(status, 201, after)
        self.assertEqual(after["version"], 2)
        self.assertEqual(headers.get("ETag"), '"2"')
        self.assertEqual(after["id"], c["id"])
        self.assertEqual(len(after["contacts"]), 1)
        contact = after["contacts"][0]
        self.assertIsInstance(contact["id"], int)
        self.assertEqual(contact["name"], "赵敏")
        self.assertEqual(contact["title"], "采购部经理")
        self.assertEqual(contact["phones"], ["13812345678", "021-55556666"])
        self.assertEqual(contact["email"], "zhaomin@example.cn")
        self.assertIs(contact["primary"], True)  # the first contact becomes the primary one
        self.assertEqual(contact["profile"]["hobbies"], "羽毛球")
        self.assertEqual(contact["profile"]["age"], 35)
        self.assertIsNone(contact["profile"]["family"])
        self.assertNotIn("contacts", after["completeness"]["missing"])

        listed = self.assertStatus(self.admin.get(path), 200)["items"]
        self.assertEqual(listed, after["contacts"])

        history = self.admin.get(f"/customers/{c['id']}/history")[2]["items"]
        self.assertEqual(history[0]["version"], 2)
        self.assertEqual(history[0]["reason"], "首次拜访")
        self.assertEqual(history[0]["changes"], [{"field": f"contacts[{contact['id']}]", "before": None,
                                                  "after": "赵敏"}])

        cpath = f"{path}/{contact['id']}"
        self.assertError(self.admin.patch(cpath, {"title": "副总经理"}), 428, "precondition_required")
        self.assertError(self.admin.patch(cpath, {"title": "副总经理"}, if_match=1), 409, "conflict")
        status, headers, after = self.admin.patch(cpath, {"title": "副总经理", "email": None}, if_match=2)
        self.assertEqual(status, 200, after)
        self.assertEqual(after["version"], 3)
        self.assertEqual(headers.get("ETag"), '"3"')
        self.assertEqual(after["contacts"][0]["title"], "副总经理")
        self.assertIsNone(after["contacts"][0]["email"])
        self.assertEqual(after["contacts"][0]["name"], "赵敏")  # untouched keys stay
        changes = {ch["field"]: (ch["before"], ch["after"])
                   for ch in self.admin.get(f"/customers/{c['id']}/history")[2]["items"][0]["changes"]}
        self.assertEqual(changes[f"contacts[{contact['id']}].title"], ("采购部经理", "副总经理"))

        self.assertError(self.admin.request("DELETE", cpath), 428, "precondition_required")
        self.assertError(self.admin.request("DELETE", cpath, headers={"If-Match": '"2"'}), 409, "conflict")
        status, headers, after = self.admin.request("DELETE", cpath, headers={"If-Match": '"3"'},
                                                    query={"reason": "已离职"})
        self.assertEqual(status, 200, after)
        self.assertEqual(after["version"], 4)
        self.assertEqual(headers.get("ETag"), '"4"')
        latest = self.admin.get(f"/customers/{c['id']}/history")[2]["items"][0]
        self.assertEqual(latest["reason"], "已离职")
        self.assertEqual(latest["changes"], [{"field": f"contacts[{contact['id']}]", "before": "赵敏",
                                              "after": None}])
        self.assertEqual(after["contacts"], [])
        self.assertEqual(self.admin.get(path)[2]["items"], [])
        self.assertError(self.admin.request("DELETE", cpath, headers={"If-Match": '"4"'}), 404, "not_found")
        self.assertError(self.admin.patch(cpath, {"title": "x"}, if_match=4), 404, "not_found")

    def test_delete_reason_is_checked(self):
        c = self.create_customer(contacts=[{"name": "孙八"}])
        cpath = f"{self.contacts_path(c)}/{c['contacts'][0]['id']}"
        self.assertError(self.admin.request("DELETE", cpath, headers={"If-Match": '"1"'},
                                            query={"reason": "长" * 501}), 400, "invalid_argument", field="reason")
        self.assertError(self.admin.request("DELETE", cpath, headers={"If-Match": '"1"'},
                                            query={"why": "x"}), 400, "invalid_argument", field="why")
        self.assertEqual(self.admin.get(f"/customers/{c['id']}")[2]["version"], 1)
        after = self.assertStatus(self.admin.request("DELETE", cpath, headers={"If-Match": '"1"'},
                                                     query={"reason": "长" * 500}), 200)
        self.assertEqual((after["version"], after["contacts"]), (2, []))

    def test_post_with_if_match(self):
        c = self.create_customer()
        path = self.contacts_path(c)
        self.assertError(self.admin.post(path, {"name": "钱七"}, headers={"If-Match": '"5"'}), 409, "conflict")
        after = self.assertStatus(self.admin.post(path, {"name": "钱七"}, headers={"If-Match": '"1"'}), 201)
        self.assertEqual(after["version"], 2)

    def test_primary_is_unique(self):
        c = self.create_customer()
        path = self.contacts_path(c)
        a = self.assertStatus(self.admin.post(path, {"name": "甲"}), 201)
        self.assertEqual(self.primaries(a), ["甲"])
        b = self.assertStatus(self.admin.post(path, {"name": "乙", "primary": False}), 201)
        self.assertEqual(self.primaries(b), ["甲"])
        d = self.assertStatus(self.admin.post(path, {"name": "丙", "primary": True}), 201)
        self.assertEqual(self.primaries(d), ["丙"])
        yi = next(x for x in d["contacts"] if x["name"] == "乙")
        e = self.assertStatus(self.admin.patch(f"{path}/{yi['id']}", {"primary": True}, if_match=d["version"]),
                              200)
        self.assertEqual(self.primaries(e), ["乙"])
        self.assertEqual(len(e["contacts"]), 3)
        # Two primaries in one create are refused.
        self.assertError(self.admin.post("/customers", {
            "kind": "individual", "name": "两个主联系人", "region": "east", "phone": "13600000000",
            "contacts": [{"name": "甲", "primary": True}, {"name": "乙", "primary": True}]}),
            400, "invalid_argument", field="contacts")

    def test_bad_contacts(self):
        c = self.create_customer()
        path = self.contacts_path(c)
        cases = [
            ({"name": "张三", "email": "zhangsan-at-example"}, "email"),
            ({"name": "张三", "email": "a@b"}, "email"),
            ({"title": "经理"}, "name"),
            ({"name": ""}, "name"),
            ({"name": 5}, "name"),
            ({"name": "张三", "phones": "13800000000"}, "phones"),
            ({"name": "张三", "phones": ["abc"]}, "phones"),
            ({"name": "张三", "primary": "yes"}, "primary"),
            ({"name": "张三", "profile": {"age": 200}}, "age"),
            ({"name": "张三", "profile": {"star_sign": "leo"}}, "star_sign"),
            ({"name": "张三", "profile": "nice"}, "profile"),
            ({"name": "张三", "id": 9}, "id"),
            ({"name": "张三", "birthday": "1990-01-01"}, "birthday"),
        ]
        for body, field in cases:
            with self.subTest(body=body):
                self.assertError(self.admin.post(path, body), 400, "invalid_argument", field_contains=field)
        self.assertError(self.admin.request("POST", path, raw=b"[]", headers={"Content-Type": "application/json"}),
                         400, "invalid_argument", field="body")
        # Nothing was stored.
        got = self.admin.get(f"/customers/{c['id']}")[2]
        self.assertEqual((got["version"], got["contacts"]), (1, []))
        # A bad patch of an existing contact is refused too.
        after = self.assertStatus(self.admin.post(path, {"name": "张三"}), 201)
        cid = after["contacts"][0]["id"]
        self.assertError(self.admin.patch(f"{path}/{cid}", {"email": "nope"}, if_match=2), 400,
                         "invalid_argument", field_contains="email")
        self.assertError(self.admin.patch(f"{path}/{cid}", {"name": None}, if_match=2), 400,
                         "invalid_argument", field_contains="name")
        self.assertEqual(self.admin.get(f"/customers/{c['id']}")[2]["version"], 2)

    def test_unknown_customer(self):
        self.assertError(self.admin.post("/customers/876543/contacts", {"name": "张三"}), 404, "not_found")
        self.assertError(self.admin.get("/customers/876543/contacts"), 404, "not_found")

    def test_auditor_may_not_add(self):
        c = self.create_customer()
        self.assertError(self.auditor.post(self.contacts_path(c), {"name": "张三"}), 403, "forbidden")
        self.assertStatus(self.auditor.get(self.contacts_path(c)), 200)


class ActivitiesTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _, _, cls.sales_user = cls.sales.get("/auth/me")

    def test_add_and_list(self):
        c = self.create_customer(self.sales)  # the salesperson's own file
        path = f"/customers/{c['id']}/activities"
        d = today()
        entries = [
            ("visit", d - datetime.timedelta(days=10), "上门拜访，了解阀门需求", "与采购经理会谈两小时"),
            ("call", d - datetime.timedelta(days=3), "电话跟进报价", None),
            ("quality_feedback", d, "客户反馈一批球阀密封不严", None),
            ("note", d - datetime.timedelta(days=5), "备注：春节前备货", None),
        ]
        created = []
        for type_, date, summary, details in entries:
            body = {"type": type_, "date": date.isoformat(), "summary": summary}
            if details:
                body["details"] = details
            status, _, a = self.sales.post(path, body)
            self.assertEqual(status, 201, a)
            self.assertEqual(set(a), {"id", "customer_id", "type", "date", "summary", "details", "author_id",
                                      "author_name", "created_at"})
            self.assertEqual((a["customer_id"], a["type"], a["date"], a["summary"], a["details"]),
                             (c["id"], type_, date.isoformat(), summary, details))
            self.assertEqual(a["author_id"], self.sales_user["id"])
            self.assertEqual(a["author_name"], self.sales_user["display_name"])
            created.append(a)

        items = self.assertStatus(self.admin.get(path), 200)["items"]
        self.assertEqual(len(items), 4)
        dates = [i["date"] for i in items]
        self.assertEqual(dates, sorted(dates, reverse=True))  # newest first
        self.assertEqual(items[0]["type"], "quality_feedback")
        self.assertEqual(items[-1]["type"], "visit")

        only_calls = self.assertStatus(self.admin.get(path, query={"type": "call"}), 200)["items"]
        self.assertEqual([i["type"] for i in only_calls], ["call"])
        since = (d - datetime.timedelta(days=5)).isoformat()
        recent = self.assertStatus(self.admin.get(path, query={"from": since}), 200)["items"]
        self.assertEqual({i["type"] for i in recent}, {"quality_feedback", "call", "note"})
        until = (d - datetime.timedelta(days=4)).isoformat()
        old = self.assertStatus(self.admin.get(path, query={"to": until}), 200)["items"]
        self.assertEqual({i["type"] for i in old}, {"note", "visit"})
        window = self.assertStatus(self.admin.get(path, query={"from": since, "to": until}), 200)["items"]
        self.assertEqual([i["type"] for i in window], ["note"])

    def test_activities_do_not_touch_other_customers(self):
        a = self.create_customer()
        b = self.create_customer()
        self.assertStatus(self.admin.post(f"/customers/{a['id']}/activities",
                                          {"type": "greeting", "date": today().isoformat(), "summary": "节日问候"}),
                          201)
        self.assertEqual(self.admin.get(f"/customers/{b['id']}/activities")[2]["items"], [])

    def test_bad_activities(self):
        c = self.create_customer()
        path = f"/customers/{c['id']}/activities"
        tomorrow = (today() + datetime.timedelta(days=1)).isoformat()
        ok = {"type": "visit", "date": today().isoformat(), "summary": "拜访"}
        cases = [
            ({**ok, "date": tomorrow}, "date"),
            ({**ok, "date": "2025-02-29"}, "date"),
            ({**ok, "date": 20250101}, "date"),
            ({**ok, "type": "party"}, "type"),
            ({**ok, "type": None}, "type"),
            ({k: v for k, v in ok.items() if k != "type"}, "type"),
            ({k: v for k, v in ok.items() if k != "date"}, "date"),
            ({**ok, "summary": 5}, "summary"),
            ({**ok, "mood": "good"}, "mood"),
        ]
        for body, field in cases:
            with self.subTest(body=body):
                self.assertError(self.admin.post(path, body), 400, "invalid_argument", field=field)
        self.assertEqual(self.admin.get(path)[2]["items"], [])
        for query, field in [({"type": "party"}, "type"), ({"from": "2024-13-01"}, "from"),
                             ({"to": "x"}, "to"), ({"author": "1"}, "author")]:
            with self.subTest(query=query):
                self.assertError(self.admin.get(path, query=query), 400, "invalid_argument", field=field)

    def test_unknown_customer_and_permissions(self):
        body = {"type": "visit", "date": today().isoformat(), "summary": "拜访"}
        self.assertError(self.admin.post("/customers/765432/activities", body), 404, "not_found")
        self.assertError(self.admin.get("/customers/765432/activities"), 404, "not_found")
        c = self.create_customer()
        self.assertError(self.auditor.post(f"/customers/{c['id']}/activities", body), 403, "forbidden")


if __name__ == "__main__":
    unittest.main()
