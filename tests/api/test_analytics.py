"""Analytics (SPEC CL-4, RP-6) over the demo company: segmentation with k chosen by the user, reproducible
with a seed and held to the reader's scope, and payment-delay predictions with their held-out AUC."""

import os
import shutil
import tempfile
import unittest

from credo_server import CredoServer, CredoTestCase, run_cli

PASSWORD = "analytics-password-1"


class AnalyticsTest(CredoTestCase):
    @classmethod
    def setUpClass(cls):
        unittest.TestCase.setUpClass()
        cls.root = tempfile.mkdtemp(prefix="credo-analytics-test-")
        cls.addClassCleanup(shutil.rmtree, cls.root, True)
        data = os.path.join(cls.root, "data")
        loaded = run_cli("demo", "--data", data, timeout=300)
        assert loaded.returncode == 0, loaded.stderr
        users = (("rm.test", PASSWORD, ["regional_manager"], "east"), ("sales.test", PASSWORD, ["sales"], "east"))
        cls.server = server = CredoServer(users=users, data_dir=data)
        cls.addClassCleanup(server.stop)
        server.start()
        cls.admin = server.client()
        cls.admin.login("admin", "credo-demo")
        cls.addClassCleanup(cls.admin.close)
        cls.rm = server.client()
        cls.rm.login("rm.test", PASSWORD)
        cls.addClassCleanup(cls.rm.close)
        cls.sales = server.client()
        cls.sales.login("sales.test", PASSWORD)
        cls.addClassCleanup(cls.sales.close)

    def test_bad_input_names_the_field(self):
        for query, field in (({"k": "1"}, "k"), ({"k": "13"}, "k"), ({"k": "x"}, "k"), ({"seed": "-1"}, "seed"),
                             ({"as_of": "2026-02-30"}, "as_of"), ({"group": "x"}, "group")):
            with self.subTest(query=query):
                self.assertError(self.admin.get("/analytics/segments", query=query), 400, "invalid_argument", field)
        # A salesperson without customers has nobody to put into clusters.
        self.assertError(self.sales.get("/analytics/segments", query={"k": "2"}), 400, "invalid_argument", "k")
        self.assertError(self.admin.post("/analytics/delay-model", {"as_of": "2999-01-01"}), 400,
                         "invalid_argument", "as_of")
        self.assertError(self.admin.post("/analytics/delay-model", {"seed": "one"}), 400, "invalid_argument", "seed")
        self.assertError(self.admin.post("/analytics/delay-model", {"window": 3}), 400, "invalid_argument", "window")
        # Before two years of trade there is too little history to learn from.
        early = self.assertError(self.admin.post("/analytics/delay-model", {"as_of": "2000-01-01"}), 400,
                                 "invalid_argument", "as_of")
        self.assertIn("history", str(early))

    def test_segments_are_reproducible_and_described(self):
        query = {"k": "4", "seed": "7"}
        first = self.assertStatus(self.admin.get("/analytics/segments", query=query), 200)
        again = self.assertStatus(self.admin.get("/analytics/segments", query=query), 200)
        self.assertEqual(first, again)
        self.assertEqual(len(first["clusters"]), 4)
        self.assertEqual(sum(c["size"] for c in first["clusters"]), len(first["customers"]))
        self.assertGreater(len(first["customers"]), 100)
        sizes = [c["size"] for c in first["clusters"]]
        self.assertEqual(sizes, sorted(sizes, reverse=True))
        self.assertEqual(set(first["clusters"][0]["centroid"]), set(first["features"]))
        self.assertTrue(any(c["traits"] for c in first["clusters"]), first["clusters"])
        for c in first["clusters"]:
            for t in c["traits"]:
                self.assertIn(t["feature"], first["features"])
                self.assertEqual(t["direction"], "high" if t["z"] > 0 else "low")
        other = self.assertStatus(self.admin.get("/analytics/segments", query={"k": "4", "seed": "8"}), 200)
        self.assertEqual(len(other["customers"]), len(first["customers"]))

    def test_segments_hold_only_the_scope(self):
        everyone = self.assertStatus(self.admin.get("/analytics/segments", query={"k": "3"}), 200)
        east = self.assertStatus(self.rm.get("/analytics/segments", query={"k": "3"}), 200)
        self.assertTrue(east["customers"])
        self.assertLess(len(east["customers"]), len(everyone["customers"]))
        self.assertEqual({c["region"] for c in east["customers"]}, {"east"})

    def test_delay_predictions_with_their_auc(self):
        self.assertStatus(self.sales.post("/analytics/delay-model", {}), 403)
        model = self.assertStatus(self.admin.post("/analytics/delay-model", {"seed": 3}), 201)
        print(f"\ndemo history: delay model AUC {model['auc']:.4f} on {model['test_examples']} held-out examples "
              f"({model['test_late']} late), trained on {model['train_examples']} "
              f"({model['first_quarter']} … {model['last_train_quarter']})")
        self.assertGreater(model["auc"], 0.6)  # a sanity floor, not a target
        self.assertLess(model["last_train_quarter"], model["last_quarter"])
        again = self.assertStatus(self.admin.post("/analytics/delay-model", {"seed": 3}), 201)
        self.assertEqual(again["auc"], model["auc"])

        p = self.assertStatus(self.admin.get("/analytics/delay-predictions"), 200)
        self.assertEqual(p["model"]["id"], again["id"])
        self.assertGreater(len(p["items"]), 100)
        probabilities = [i["probability"] for i in p["items"]]
        self.assertEqual(probabilities, sorted(probabilities, reverse=True))
        self.assertTrue(all(0 <= x <= 1 for x in probabilities))
        east = self.assertStatus(self.rm.get("/analytics/delay-predictions"), 200)
        self.assertEqual({i["region"] for i in east["items"]}, {"east"})
        self.assertEqual(east["model"]["auc"], model["auc"])
        # A date before any model was trained has none, and says so.
        before = self.assertStatus(self.admin.get("/analytics/delay-predictions", query={"as_of": "2001-01-01"}), 200)
        self.assertIsNone(before["model"])
        self.assertEqual(before["items"], [])
        self.assertIn("reason", before)


if __name__ == "__main__":
    unittest.main()
