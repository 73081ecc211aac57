"""The trials of scripts/torture: concurrent writers, and commands killed at random points then checked."""
import os, shutil, signal, subprocess, sys, threading, time
from collections import Counter, defaultdict

from vault import TIMEOUT, is_env, wraps

# Failures reported and not fixed yet (docs/robustness.md): counted and shown, but they fail the
# run only with --strict or HUSH_TORTURE_STRICT=1. Remove an entry when its fix lands.
KNOWN: dict = {}


def known_issue(op, kind, detail):
    """The KNOWN entry a failure belongs to, or None. A failure of a kind once known whose entry
    was removed (its fix landed) is a regression and counts like any other."""
    return next((k for k, matches in KNOWN_SHAPES.items() if k in KNOWN and matches(op, kind, detail)), None)


BOB = "shared.env is signed by bob, who is not a member"
# How each issue once listed in KNOWN shows; kept so that an entry can be listed again.
KNOWN_SHAPES = {
    "temp-files": lambda op, kind, detail: kind == "temp leftover" and detail.startswith(".secrets/.") and ".hush-tmp " in detail,
    "remove-signer": lambda op, kind, detail: op == "remove" and (
        kind == "verify fails" and detail.startswith("FAIL .secrets/shared.env: ") and BOB in detail
        or kind == "next command fails" and "partly done: 1 file(s) not updated" in detail
        and "shared.env was not updated: .secrets/" + BOB in detail),
}


class Torture:
    def __init__(self, vault, rng, quiet):
        self.v, self.rng, self.quiet = vault, rng, quiet
        self.stats = defaultdict(Counter)  # op -> outcome and failure counts
        self.failures = []
        self.runs, self.duration = defaultdict(list), {}  # op -> seconds of unkilled runs, and their median

    def fail(self, n, op, kind, detail):
        self.stats[op][kind] += 1
        detail = " / ".join(line.strip() for line in detail.splitlines() if line.strip() and "hint:" not in line)
        self.failures.append((f"trial {n} {op}: {kind}: {detail}", known_issue(op, kind, detail)))
        if not self.quiet:
            print(f"  FAIL trial {n} {op}: {kind}: {detail}", file=sys.stderr)

    # Each prepare_OP sets the stage and returns (argv, stdin, extra env, new_ok(path, old, new) -> bool,
    # a function giving the commands that finish the operation after a kill, (env, key, new value) for
    # `hush get` afterwards or None).
    def prepare_set(self, n):
        key, value = self.rng.choice(["K%02d" % i for i in range(20)] + ["EDITED"]), "v%d-%x" % (n, self.rng.getrandbits(64))
        env = "dev" if self.rng.random() < 0.85 else "new%d" % n  # some create a new environment
        target = f".secrets/{env}.env"
        def new_ok(path, old, data):
            return path == target and self.v.model(path, data) == dict(self.v.model(path, old) if old else {}, **{key: value})
        return ["set", env, key], value, None, new_ok, list, (env, key, value)

    def prepare_unset(self, n):
        dev = self.v.model(".secrets/dev.env", self.v.files()[".secrets/dev.env"])
        present = sorted(k for k in dev if k.startswith("K"))
        if not present:
            self.v.run("set", "dev", "K00", stdin="seed")
            present = ["K00"]
        key = self.rng.choice(present)
        def new_ok(path, old, data):
            expected = {k: v for k, v in self.v.model(path, old).items() if k != key}
            return path == ".secrets/dev.env" and self.v.model(path, data) == expected
        return ["unset", "dev", key], None, None, new_ok, list, ("dev", key, None)

    def prepare_edit(self, n):
        value, pause = "e%d-%x" % (n, self.rng.getrandbits(32)), self.rng.uniform(0, 0.03)
        extra = {"TORTURE_EDIT_VALUE": value, "TORTURE_EDIT_SLEEP": "%.3f" % pause}
        def new_ok(path, old, data):
            return path == ".secrets/dev.env" and self.v.model(path, data) == dict(self.v.model(path, old), EDITED=value)
        return ["edit", "dev"], None, extra, new_ok, list, ("dev", "EDITED", value)

    def prepare_sync(self, n):
        carol = os.path.join(self.v.recipients, "carol.pub")
        granting = not os.path.exists(carol)
        if granting:  # a pull request added carol: sync wraps for her; next time she leaves and sync rotates
            with open(carol, "w") as f:
                f.write(self.v.keys["carol"])
        else:
            os.remove(carol)
        def new_ok(path, old, data):
            has = b"carol" in wraps(data)
            return is_env(path) and has == granting and self.v.model(path, data) == self.v.model(path, old) and has != (b"carol" in wraps(old))
        return ["sync", "--yes"], None, None, new_ok, lambda: [["sync", "--yes"]], None

    def prepare_rekey(self, n):
        env = self.rng.choice(["dev", "prod"])
        target = ".secrets/" + ("dev.env" if env == "dev" else "prod.yaml")
        def new_ok(path, old, data):
            return path == target and wraps(data) == wraps(old) and self.v.model(path, data) == self.v.model(path, old)
        return ["rekey", env], None, None, new_ok, list, None

    def prepare_remove(self, n):
        if not os.path.exists(os.path.join(self.v.recipients, "bob.pub")):
            self.v.add_member("bob")
        self.v.run("set", "shared", "BOB", stdin="b%d" % n, identity="bob")  # bob wrote a file last
        def new_ok(path, old, data):
            if path == "recipients/bob.pub":
                return data is None
            return is_env(path) and b"bob" in wraps(old) and b"bob" not in wraps(data) and self.v.model(path, data) == self.v.model(path, old)
        def finish():  # run it again when the kill left something to do
            left = os.path.exists(os.path.join(self.v.recipients, "bob.pub")) or any(
                b"bob" in wraps(data) for path, data in self.v.files().items() if is_env(path))
            return [["recipients", "remove", "bob"]] if left else []
        return ["recipients", "remove", "bob"], None, None, new_ok, finish, None

    def trial(self, n, op, kill=True):
        argv, stdin, extra, new_ok, finish, probe = getattr(self, "prepare_" + op)(n)
        before = self.v.files()
        if len(self.v.models) > 1000:
            self.v.models.clear()
        for path, data in before.items():  # the old values, read while they are on disk
            if is_env(path):
                self.v.model(path, data)
        started = time.monotonic()
        p = self.v.start(argv, stdin, extra)
        delay = self.rng.uniform(0, 1.25 * self.duration.get(op, 0)) if kill else TIMEOUT
        at = f"killed at {delay * 1000:.1f} ms" if kill else "not killed"
        if kill:
            try:
                p.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        else:  # a blocking wait, for an exact time (wait(timeout) polls)
            timer = threading.Timer(TIMEOUT, p.kill)
            timer.start()
            p.wait()
            if not timer.is_alive():
                self.fail(n, op, "hang", f"hush {' '.join(argv)} did not finish in {TIMEOUT} s")
            timer.cancel()
        if not kill:
            self.runs[op].append(time.monotonic() - started)
            self.duration[op] = sorted(self.runs[op])[len(self.runs[op]) // 2]
        exited = p.returncode == 0
        if p.returncode not in (0, -signal.SIGKILL):
            self.fail(n, op, "command failed", f"exit {p.returncode}: {p.stderr.read().decode().strip()}")
        p.stderr.close()
        # A child hush was starting (the editor, git) holds the lock until it execs: a few ms.
        held = not self.v.lock_free()
        for _ in range(500):  # an editor that outlived hush finishes on its own
            try:
                os.killpg(p.pid, 0)
                time.sleep(0.01)
            except ProcessLookupError:
                break
        if not self.v.lock_free():
            self.fail(n, op, "stale lock", f".secrets/ still locked after the writer and its children are gone ({at})")
        elif held and kill:
            self.stats[op]["lock held by a starting child"] += 1
        # 1. Right after the kill: each file is its old bytes or a valid new state.
        after = self.v.files()
        temps_now, edits_now = self.v.leftovers()
        states = Counter()
        for path in sorted(set(before) | set(after)):
            old, data = before.get(path), after.get(path)
            if os.path.basename(path).startswith(".") or old == data:
                continue
            if new_ok(path, old, data):
                states["new"] += 1
            else:
                self.fail(n, op, "corrupt file", f"{path} is neither its old state nor the new one ({at})")
                states["bad"] += 1
        # 2. The next commands: finish the operation, then a write (a stale lock would hang it).
        for cmd in finish() + [None]:
            if cmd is None:  # a file the finishing commands changed was still old
                finished, cmd = self.v.files(), ["set", "dev", "NEXT"]
            try:
                r = self.v.run(*cmd, stdin=str(n), check=False)
                if r.returncode != 0:
                    self.fail(n, op, "next command fails", f"hush {' '.join(cmd)}: exit {r.returncode}: {r.stderr.strip()}")
            except subprocess.TimeoutExpired:
                self.fail(n, op, "hang", f"hush {' '.join(cmd)} did not finish in {TIMEOUT} s ({at})")
        rest = any(finished.get(p) != after.get(p) for p in set(finished) | set(after) if not os.path.basename(p).startswith("."))
        outcome = "bad" if states["bad"] else "partial" if states["new"] and rest else "new" if states["new"] else "old"
        if kill:
            self.stats[op].update({outcome: 1, "exited before the kill": int(exited), "temp files found": len(temps_now),
                                   "edit folders found": len(edits_now)})
        if exited and outcome != "new":
            self.fail(n, op, "lost update", f"exit 0 but not every file is in its new state: hush {' '.join(argv)}")
        # 3. Afterwards: everything verifies, the value is the one the state says, nothing is left.
        r = self.v.run("verify", check=False)
        if r.returncode != 0:
            bad = [l for l in r.stdout.splitlines() if l.startswith("FAIL")]
            self.fail(n, op, "verify fails", f"{'; '.join(bad)}: {r.stderr.strip().splitlines()[0]} ({at})")
        if probe and outcome != "bad":
            env, key, value = probe
            path = f".secrets/{env}.env"
            expected = value if outcome == "new" else (self.v.model(path, before[path]) or {}).get(key) if path in before else None
            got = self.v.run("get", env, key, check=False)
            if (got.stdout if got.returncode == 0 else None) != expected:
                self.fail(n, op, "wrong value", f"hush get {env} {key}: {got.stdout!r} (exit {got.returncode}), expected {expected!r}")
        temps, edits = self.v.leftovers()
        for kind, found in (("temp leftover", temps), ("plaintext leftover", edits)):
            for path in found:
                self.fail(n, op, kind, f"{path} remains after the next command ({at})")
        for path in temps:
            os.remove(os.path.join(self.v.repo, path))
        for path in edits:
            shutil.rmtree(path, ignore_errors=True)
        if r.returncode != 0 or states["bad"]:
            self.restore(before)  # go on from the state before this trial
        for name in os.listdir(self.v.secrets):
            if name.startswith("new"):
                os.remove(os.path.join(self.v.secrets, name))

    def restore(self, files):
        for path in set(self.v.files()) - set(files):
            os.remove(os.path.join(self.v.repo, path))
        for path, data in files.items():
            with open(os.path.join(self.v.repo, path), "wb") as f:
                f.write(data)
        r = self.v.run("verify", check=False)
        if r.returncode != 0:
            raise RuntimeError(f"torture: the state before the trial does not verify either: {r.stdout}{r.stderr}")

    def concurrency(self, writers, env, seed):
        if seed:
            self.v.run("set", env, "SEED", stdin="seed")
        procs = [self.v.start(["set", env, "W%03d" % i], hold=True) for i in range(writers)]
        for i, p in enumerate(procs):  # all are running: release them at once
            p.stdin.write(b"w%d" % i)
            p.stdin.close()
        failed = 0
        for p in procs:
            try:
                if p.wait(timeout=TIMEOUT * 4) != 0:
                    failed += 1
                    self.fail(0, "concurrent", "writer failed", p.stderr.read().decode().strip())
            except subprocess.TimeoutExpired:
                failed += 1
                self.fail(0, "concurrent", "hang", f"a writer into {env} did not finish")
                p.kill()
            p.stderr.close()
        path = f".secrets/{env}.env"
        got = self.v.model(path, self.v.files().get(path)) or {}
        lost = [i for i in range(writers) if got.get("W%03d" % i) != "w%d" % i]
        if lost:
            self.fail(0, "concurrent", "lost update", f"{len(lost)} of {writers} keys missing or wrong in {env}")
        ok = self.v.run("verify", env, check=False).returncode == 0
        if not ok:
            self.fail(0, "concurrent", "verify fails", env)
        temps, _ = self.v.leftovers()
        for t in temps:
            self.fail(0, "concurrent", "temp leftover", t)
        return f"{writers} writers into {'an existing' if seed else 'a new'} environment ({env}): {writers - failed} succeeded, " \
               f"{writers - len(lost)}/{writers} keys kept, {len(lost)} lost updates, verify {'ok' if ok else 'FAILS'}, {len(temps)} temp files"
