"""A throwaway PostgreSQL/PostGIS server: the tests' (one per test session, per xdist worker; see
tests/pg.py) and the storage benchmark's (`with PgServer() as url:`).

`PgServer.start()` runs `initdb` into a fresh temporary folder, starts `postgres` on a free
loopback port with its socket in that folder, waits until it accepts connections and makes a
database with PostGIS; `fresh_url()` gives the URL of a new, empty schema in it (first on the
connection's search_path: a schema is made in milliseconds, a database copied from a PostGIS
template takes half a second); `stop()` stops the server by its pid and removes the folder. `missing()` says why a server
cannot be made here (no binaries, no PostGIS, no psycopg), so tests can skip with that reason.

As root the server must run as another user (PostgreSQL refuses root): the `postgres` system
user that Debian's package creates, via `subprocess`'s `user=`/`group=`.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

USER = "strife"
PASSWORD = "throwaway-test-password"
DATABASE = "strife_test"
# Fast and disposable: nothing here must survive a crash.
SERVER_OPTIONS = ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=40"]


def bin_dir() -> Path | None:
    """The folder with initdb and postgres: $STRIFE_PG_BIN, the newest Debian install, or PATH."""
    if os.environ.get("STRIFE_PG_BIN"):
        return Path(os.environ["STRIFE_PG_BIN"])
    installed = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parts[-3]))
    if installed:
        return installed[-1].parent
    found = shutil.which("postgres")
    return Path(found).parent if found else None


def missing() -> str | None:
    """Why no throwaway server can be made here, or None when one can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install psycopg[binary])"
    folder = bin_dir()
    if folder is None or not (folder / "initdb").is_file() or not (folder / "postgres").is_file():
        return "PostgreSQL server binaries (initdb, postgres) not found; set STRIFE_PG_BIN"
    share = subprocess.run([folder / "pg_config", "--sharedir"], capture_output=True, text=True, check=False)
    control = Path(share.stdout.strip()) / "extension" / "postgis.control"
    if share.returncode != 0 or not control.is_file():
        return f"PostGIS is not installed for {folder} (apt-get install postgresql-15-postgis-3)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PgServer:
    """One disposable PostgreSQL server on 127.0.0.1 (see the module docstring)."""

    def __init__(self) -> None:
        self.bin = bin_dir() or Path("/nonexistent")
        self.dir = Path(tempfile.mkdtemp(prefix="strife-pg-"))
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self._serial = 0
        self._account: tuple[int, int] | None = None  # (uid, gid) to run the server as
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            self._account = (account.pw_uid, account.pw_gid)
            os.chown(self.dir, *self._account)

    def url(self, database: str, password: str | None = PASSWORD) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{USER}{secret}@127.0.0.1:{self.port}/{database}"

    def start(self) -> PgServer:
        data = self.dir / "data"
        pwfile = self.dir / "pw"
        pwfile.write_text(PASSWORD)
        self._chown(pwfile)
        initdb = [
            self.bin / "initdb", "-D", data, "-U", USER, f"--pwfile={pwfile}", "-E", "UTF8",
            "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "--no-instructions",
        ]  # fmt: skip
        self._run(initdb)
        options = [arg for option in SERVER_OPTIONS for arg in ("-c", option)]
        command = [str(self.bin / "postgres"), "-D", str(data), "-k", str(self.dir), "-h", "127.0.0.1"]
        command += ["-p", str(self.port), *options]
        with open(self.dir / "server.log", "wb") as log:
            self.proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **self._as())
        self._wait_ready()
        self.admin(f"CREATE DATABASE {DATABASE}")
        self.execute(DATABASE, "CREATE EXTENSION postgis")
        return self

    def __enter__(self) -> str:
        """Start the server; the URL of its PostGIS database."""
        return self.start().url(DATABASE)

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def fresh_url(self) -> str:
        """The URL of a new, empty schema (PostGIS is found in `public`, after it on the path)."""
        self._serial += 1
        schema = f"t{os.getpid()}_{self._serial}"
        self.execute(DATABASE, f"CREATE SCHEMA {schema}")
        return f"{self.url(DATABASE)}?options=-csearch_path%3D{schema}%2Cpublic"

    def drop(self, url: str) -> None:
        """Remove the schema of `url` (made by `fresh_url`) and everything in it."""
        schema = url.rsplit("%3D", 1)[1].split("%2C", 1)[0]
        self.execute(DATABASE, f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    def admin(self, sql: str) -> None:
        self.execute("postgres", sql)

    def execute(self, database: str, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(sql.encode())

    def stop(self) -> None:
        """Fast shutdown (SIGINT) by pid, SIGKILL if it hangs, then remove the folder."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)

    def _as(self) -> dict[str, Any]:
        """subprocess arguments that run a command as the server's user (none when not root)."""
        if self._account is None:
            return {}
        return {"user": self._account[0], "group": self._account[1], "extra_groups": []}

    def _chown(self, path: Path) -> None:
        if self._account is not None:
            os.chown(path, *self._account)

    def _run(self, command: list[Any]) -> None:
        done = subprocess.run(
            [str(c) for c in command], capture_output=True, text=True, check=False, **self._as()
        )
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")

    def _wait_ready(self, timeout: float = 60.0) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"postgres exited ({self.proc.returncode}): {self._log_tail()}")
            with contextlib.suppress(psycopg.OperationalError):
                psycopg.connect(self.url("postgres"), connect_timeout=2).close()
                return
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(
                    f"postgres did not accept connections in {timeout:.0f} s: {self._log_tail()}"
                )
            time.sleep(0.1)

    def _log_tail(self) -> str:
        log = self.dir / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.is_file() else "(no log)"
