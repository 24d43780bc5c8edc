"""`credo backup` while serving, and serving a copy restored from the backup; other CLI commands."""

import os
import shutil
import subprocess
import tempfile
import unittest

from credo_server import ADMIN, CREDO_BIN, CredoServer, CredoTestCase, on_postgres, run_cli, storage_args


class BackupTest(CredoTestCase):
    def snapshot(self, client):
        """Every file's code, version, name and history length, by id."""
        items = self.assertStatus(client.get("/customers", query={"page_size": 200, "sort": "code"}), 200)["items"]
        out = {}
        for item in items:
            history = self.assertStatus(client.get(f"/customers/{item['id']}/history"), 200)["items"]
            full = self.assertStatus(client.get(f"/customers/{item['id']}"), 200)
            out[item["id"]] = (item["code"], item["version"], item["name"], len(history), len(full["contacts"]))
        return out

    def test_backup_and_restore(self):
        files = [self.create_customer() for _ in range(5)]
        a, b = files[0], files[1]
        self.assertStatus(self.admin.patch(f"/customers/{a['id']}", {"lifecycle": "new"}, if_match=1), 200)
        self.assertStatus(self.admin.patch(f"/customers/{a['id']}", {"importance": "important"}, if_match=2), 200)
        self.assertStatus(self.admin.post(f"/customers/{b['id']}/contacts", {"name": "备份联系人"}), 201)
        self.assertStatus(self.admin.post(f"/customers/{b['id']}/activities",
                                          {"type": "call", "date": "2024-05-01", "summary": "备份前的电话"}), 201)
        before = self.snapshot(self.admin)
        self.assertEqual(before[a["id"]][1], 3)
        self.assertEqual(before[b["id"]][1:], (2, b["name"], 2, 1))

        # Online backup while the server runs.
        backup = os.path.join(self.server.tmp_root, "backup.db")
        r = run_cli("backup", "--out", backup, "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"backup written", r.stdout)
        self.assertGreater(os.path.getsize(backup), 0)

        # Changes after the backup are not in it.
        late = self.create_customer(name="备份之后的客户有限公司")
        self.assertStatus(self.admin.patch(f"/customers/{a['id']}", {"lifecycle": "established"}, if_match=3), 200)

        restored_dir = os.path.join(self.server.tmp_root, "restored")
        r = run_cli("restore", "--from", backup, "--data", restored_dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        # A database that holds data is not overwritten without --force.
        r = run_cli("restore", "--from", backup, "--data", restored_dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b"--force", r.stderr)
        restored = CredoServer(users=(), data_dir=restored_dir)
        try:
            restored.start()
            with restored.client() as c:
                c.login(*ADMIN)  # users come with the backup
                after = self.snapshot(c)
                self.assertEqual(after, before)
                self.assertNotIn(late["id"], after)
                got = self.assertStatus(c.get(f"/customers/{a['id']}"), 200)
                self.assertEqual((got["version"], got["lifecycle"], got["importance"]), (3, "new", "important"))
                acts = self.assertStatus(c.get(f"/customers/{b['id']}/activities"), 200)["items"]
                self.assertEqual([x["summary"] for x in acts], ["备份前的电话"])
                # The restored copy is a working database: the next code follows the backed-up ones.
                new = self.assertStatus(c.post("/customers", {"kind": "individual", "name": "恢复后新建",
                                                              "region": "east", "phone": "13500001234"}), 201)
                self.assertEqual(int(new["code"][5:]), max(int(v[0][5:]) for v in before.values()) + 1)
        finally:
            self.assertEqual(restored.stop(), 0, restored.log())
        # The running server was not disturbed.
        self.assertEqual(self.admin.get(f"/customers/{a['id']}")[2]["version"], 4)

    def test_restore_refuses_what_is_not_a_backup(self):
        bogus = os.path.join(self.server.tmp_root, "not-a-backup.db")
        with open(bogus, "wb") as f:
            f.write(b"this is not a database" * 100)
        r = run_cli("restore", "--from", bogus, "--data", os.path.join(self.server.tmp_root, "target"))
        self.assertEqual(r.returncode, 1, r.stderr)
        r = run_cli("restore", "--from", os.path.join(self.server.tmp_root, "missing.db"), "--data",
                    os.path.join(self.server.tmp_root, "target2"))
        self.assertEqual(r.returncode, 1, r.stderr)

    def test_backup_failures(self):
        r = run_cli("backup", "--out", os.path.join(self.server.tmp_root, "missing-dir", "b.db"),
                    "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(len(r.stderr.decode().strip().splitlines()), 1, r.stderr)
        self.assertTrue(r.stderr.startswith(b"credo: "), r.stderr)
        r = run_cli("backup", "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 2, r.stderr)

    def test_cli_basics(self):
        self.assertEqual(run_cli().returncode, 2)
        self.assertEqual(run_cli("frobnicate").returncode, 2)
        r = run_cli("--version")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"0.1.0", r.stdout)
        r = run_cli("migrate", "--data", self.server.data_dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"up to date", r.stdout)
        r = run_cli("serve", "--data", self.server.data_dir, "--listen", "not-an-address")
        self.assertEqual(r.returncode, 1, r.stderr)
        # The port is taken by the running server.
        r = run_cli("serve", "--data", self.server.data_dir, "--listen", f"127.0.0.1:{self.server.port}",
                    timeout=20)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(str(self.server.port).encode(), r.stderr)
        self.assertStatus(self.admin.get("/health"), 200)


if __name__ == "__main__":
    unittest.main()


class DatabaseFaultsTest(unittest.TestCase):
    """A database the binary cannot use is refused with one actionable line and a non-zero exit."""

    def test_unreachable_or_malformed_database_urls(self):
        for url in ("postgresql://postgres@127.0.0.1:1/credo", "mysql://somewhere/credo", "sqlite:"):
            r = subprocess.run([CREDO_BIN, "migrate", "--db", url], capture_output=True, timeout=30)
            self.assertEqual(r.returncode, 1, (url, r.stderr))
            lines = r.stderr.decode().strip().splitlines()
            self.assertEqual(len(lines), 1, (url, lines))
            self.assertTrue(lines[0].startswith("credo: "), lines)

    def test_a_database_newer_than_the_binary_is_left_alone(self):
        root = tempfile.mkdtemp(prefix="credo-newer-")
        try:
            data = os.path.join(root, "data")
            self.assertEqual(run_cli("migrate", "--data", data).returncode, 0)
            if on_postgres():
                url = storage_args(["--data", data])[1]
                subprocess.run(["psql", url, "-qAtc", "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')"],
                               check=True, capture_output=True)
            else:
                import sqlite3
                with sqlite3.connect(os.path.join(data, "credo.db")) as db:
                    db.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
            r = run_cli("serve", "--data", data, "--listen", "127.0.0.1:0")
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn(b"schema version 999", r.stderr)
            self.assertIn(b"newer credo", r.stderr)
        finally:
            shutil.rmtree(root, ignore_errors=True)
