"""The vault scripts/torture works on: a git repository with three members, run through hush."""
import fcntl, json, os, re, subprocess

TIMEOUT = 30  # seconds: a command that takes longer is a hang (a stale lock, a deadlock)


EDITOR = """#!/bin/sh
# The torture EDITOR: waits a little, then changes EDITED in place (sed -i: a temp file + rename).
sleep "$TORTURE_EDIT_SLEEP"
sed -i "s/^EDITED=.*/EDITED=$TORTURE_EDIT_VALUE/" "$1"
"""


class Vault:
    """A git repository with members alice (the default identity), bob and carol, in a temp folder."""

    def __init__(self, hush, base):
        self.hush, self.base, self.repo = hush, base, os.path.join(base, "repo")
        self.secrets, self.recipients = os.path.join(self.repo, ".secrets"), os.path.join(self.repo, "recipients")
        self.run_dir, self.tmp_dir = os.path.join(base, "run"), os.path.join(base, "tmp")
        for folder in (self.repo, self.run_dir, self.tmp_dir):
            os.makedirs(folder, mode=0o700)
        editor = os.path.join(base, "editor")
        with open(editor, "w") as f:
            f.write(EDITOR)
        os.chmod(editor, 0o755)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("HUSH_", "VISUAL", "GIT_"))}
        self.env.update(HOME=base, XDG_CONFIG_HOME=base + "/config", XDG_RUNTIME_DIR=self.run_dir, TMPDIR=self.tmp_dir,
                        EDITOR=editor, HUSH_IDENTITY_FILE=base + "/alice.key", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
                        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t", LC_ALL="C")
        self.keys = {}
        for name in ("alice", "bob", "carol"):
            self.keys[name] = self.run("keygen", "--output", f"{base}/{name}.key", cwd=base).stdout
        self.git("init", "-q")
        self.run("init", "--name", "alice")
        self.add_member("bob")
        self.models = {}  # file bytes -> decrypted model (json), so unchanged files are not decrypted again

    def run(self, *args, stdin="", identity=None, check=True, cwd=None, timeout=TIMEOUT, extra=None):
        env = dict(self.env, **(extra or {}))
        if identity:
            env["HUSH_IDENTITY_FILE"] = f"{self.base}/{identity}.key"
        r = subprocess.run([self.hush, *args], input=stdin, env=env, cwd=cwd or self.repo, capture_output=True, text=True, timeout=timeout)
        if check and r.returncode != 0:
            raise RuntimeError(f"hush {' '.join(args)}: exit {r.returncode}: {r.stderr.strip()}")
        return r

    def start(self, args, stdin="", extra=None, hold=False):
        """Starts hush in a session of its own; stdin is written and closed, or held open with `hold`."""
        p = subprocess.Popen([self.hush, *args], env=dict(self.env, **(extra or {})), cwd=self.repo, start_new_session=True,
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if not hold:  # a value this small fits the pipe: hush reads it whenever it gets there
            p.stdin.write((stdin or "").encode())
            p.stdin.close()
        return p

    def git(self, *args):
        subprocess.run(["git", *args], cwd=self.repo, env=self.env, check=True, capture_output=True)

    def commit(self, message):
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)

    def add_member(self, name):
        self.run("recipients", "add", "--yes", name, *self.keys[name].split())

    def files(self):
        """Every file under .secrets/ and recipients/: relative path -> bytes."""
        out = {}
        for folder in (".secrets", "recipients"):
            for name in os.listdir(os.path.join(self.repo, folder)):
                with open(os.path.join(self.repo, folder, name), "rb") as f:
                    out[f"{folder}/{name}"] = f.read()
        return out

    def model(self, path, data):
        """The decrypted values of `data`, which must be on disk at `path` when it was not seen before."""
        if data is None:
            return None
        if data not in self.models:
            with open(os.path.join(self.repo, path), "rb") as f:
                if f.read() != data:
                    raise RuntimeError(f"torture: {path} changed before its values were read")
            env = os.path.basename(path).rsplit(".", 1)[0]
            r = self.run("decrypt", env, "--format", "json", check=False)
            self.models[data] = json.loads(r.stdout) if r.returncode == 0 else None
        return self.models[data]

    def lock_free(self):
        fd = os.open(self.secrets, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        finally:
            os.close(fd)

    def leftovers(self):
        """Temp files anywhere in the work tree, and plaintext folders of edits whose process is gone."""
        temps = [os.path.relpath(os.path.join(d, n), self.repo) for d, dirs, names in os.walk(self.repo)
                 if "/.git" not in d + "/" for n in names if n.endswith(".hush-tmp")]
        edits = []
        for base in (self.run_dir, self.tmp_dir):
            for name in os.listdir(base):
                m = re.match(r"hush-edit-(\d+)-", name)
                if m and not os.path.exists(f"/proc/{m.group(1)}"):
                    edits.append(os.path.join(base, name))
        return temps, edits


def wraps(data):
    return sorted(set(re.findall(rb"^#hush:recipient (\S+) ", data, re.M)))


def is_env(path):
    return path.startswith(".secrets/") and not os.path.basename(path).startswith(".")
