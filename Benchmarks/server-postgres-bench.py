#!/usr/bin/env python3
"""`vtc serve --store postgresql://…` (issue 12): durable appends through the server beside a bare single-row
INSERT + COMMIT on the same database, and server start-up on a region log from PostgreSQL beside the same log in a
folder, in one run.

Usage (as root, after `swift build -c release --product vtc`):
    python3 Benchmarks/server-postgres-bench.py [INCIDENTS]   # default 200000: about 1.2 million events
    python3 Benchmarks/server-postgres-bench.py --appends-only  # the appends alone: no demo region, no start-up

Starts a PostgreSQL cluster of its own (initdb as the user vtcb-pg, Unix socket only, fsync = on,
synchronous_commit = on) in /tmp, removed at the end; the demo log is kept under Benchmarks/.data between runs.
The servers run as root, who is in the roster as staff.
"""
import glob, json, os, pwd, re, shutil, socket, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
BIN = os.environ.get("VTC_BENCH_BINARY", os.path.join(ROOT, ".build/release/vtc"))
APPENDS_ONLY = "--appends-only" in sys.argv[1:]
sys.argv = [a for a in sys.argv if a != "--appends-only"]  # server-bench.py, loaded below, reads sys.argv too
INCIDENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
WORK = os.path.join(ROOT, "Benchmarks/.data", f"server-pg-{INCIDENTS}")
PG = "/tmp/vtc-bench-pg"
PORT = 5460
PG_USER = "vtcb-pg"
ROUNDS = 4

spec = __import__("importlib.util").util.spec_from_file_location("server_bench", os.path.join(ROOT, "Benchmarks/server-bench.py"))
server_bench = __import__("importlib.util").util.module_from_spec(spec)
spec.loader.exec_module(server_bench)
WRITER, pct = server_bench.WRITER, server_bench.pct


def sh(*args, **kw):
    return subprocess.run(list(args), check=True, **kw)


def pg_bin(name):
    return sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1]


def as_pg(*argv):
    return sh("runuser", "-u", PG_USER, "--", *argv, capture_output=True, cwd="/tmp")


def psql(database, sql, **kw):
    return sh(pg_bin("psql"), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", PG, "-p", str(PORT), "-d", database,
              "-c", sql, capture_output=True, **kw).stdout.decode().strip()


def uri(database):
    return f"postgresql:///{database}?host={PG}&port={PORT}"


def start_cluster():
    if subprocess.run(["id", PG_USER], capture_output=True).returncode != 0:
        sh("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER)
    shutil.rmtree(PG, ignore_errors=True)
    os.makedirs(PG)
    shutil.chown(PG, PG_USER)
    as_pg(pg_bin("initdb"), "-D", PG + "/data", "--auth-local=peer", "--auth-host=reject", "-E", "UTF8", "--locale=C", "-U", PG_USER)
    with open(PG + "/data/postgresql.conf", "a") as conf:
        conf.write(f"\nlisten_addresses = ''\nunix_socket_directories = '{PG}'\nport = {PORT}\nfsync = on\n"
                   "synchronous_commit = on\nshared_buffers = 512MB\nmax_wal_size = 4GB\n")
    as_pg(pg_bin("pg_ctl"), "-D", PG + "/data", "-l", PG + "/server.log", "-w", "start")
    as_pg(pg_bin("psql"), "-X", "-q", "-h", PG, "-p", str(PORT), "-d", "postgres", "-c", "CREATE ROLE root SUPERUSER LOGIN")


def stop_cluster():
    subprocess.run(["runuser", "-u", PG_USER, "--", pg_bin("pg_ctl"), "-D", PG + "/data", "stop", "-m", "fast"],
                   capture_output=True, cwd="/tmp")
    shutil.rmtree(PG, ignore_errors=True)


def data_folder(path, unit_roster=None):
    """A data folder for `vtc serve`: owned by root, 0750, roster 0640."""
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o750)
    if unit_roster is not None:
        with open(path + "/roster.json", "w") as f:
            json.dump(unit_roster, f, ensure_ascii=False)
        os.chmod(path + "/roster.json", 0o640)


def serve(data, socket_path, store=None, log=None):
    """Starts `vtc serve`; returns the process and the seconds until it took a connection."""
    if os.path.exists(socket_path):
        os.unlink(socket_path)
    argv = [BIN, "serve", "--data", data, "--socket", socket_path] + (["--store", store] if store else [])
    started = time.perf_counter()
    process = subprocess.Popen(argv, stderr=open(log or os.devnull, "w"))
    while True:
        if process.poll() is not None:
            raise SystemExit(f"vtc serve stopped: {open(log).read() if log else ''}")
        try:
            probe = socket.socket(socket.AF_UNIX)
            probe.connect(socket_path)
            probe.close()
            return process, time.perf_counter() - started
        except OSError:
            time.sleep(0.02)


def stop(process):
    process.terminate()
    process.wait()


def bare_commits(database, count):
    """Single-row INSERTs, each its own transaction with synchronous_commit = on, timed by psql per statement."""
    psql(database, "CREATE TABLE IF NOT EXISTS bare (id bigserial PRIMARY KEY, line bytea NOT NULL)")
    line = "x" * 760
    script = "\\timing on\n" + "".join(f"INSERT INTO bare (line) VALUES (convert_to('{line}', 'UTF8'));\n" for _ in range(count))
    out = sh(pg_bin("psql"), "-X", "-q", "-h", PG, "-p", str(PORT), "-d", database, input=script.encode(),
             capture_output=True).stdout.decode()
    return [float(m) for m in re.findall(r"Time: ([0-9.]+) ms", out)]


def writers(socket_path, unit, count, each):
    out = sh("python3", "-c", WRITER, socket_path, unit, str(count), str(each), capture_output=True).stdout
    return json.loads(out)


def main():
    if os.geteuid() != 0:
        raise SystemExit("run as root: it makes the user that runs PostgreSQL")
    me = pwd.getpwuid(0).pw_name
    os.makedirs(WORK, exist_ok=True)
    if APPENDS_ONLY:
        try:
            start_cluster()
            bare, one, eight = appends(me)
        finally:
            stop_cluster()
        print_appends(bare, one, eight)
        return
    region = os.path.join(WORK, "region")
    if not os.path.exists(os.path.join(region, "events.jsonl")):
        shutil.rmtree(region, ignore_errors=True)
        sh(BIN, "demo", "--data", region, "--incidents", str(INCIDENTS))
    data_folder(region)
    for f in os.listdir(region):
        if os.path.isfile(os.path.join(region, f)):
            os.chmod(os.path.join(region, f), 0o640)
    events = sum(1 for _ in open(os.path.join(region, "events.jsonl"), "rb")) - 1
    log_mb = os.path.getsize(os.path.join(region, "events.jsonl")) / 1e6
    try:
        start_cluster()
        bare, one, eight = appends(me)

        # Start-up on the region log: the folder (replay, then with its checkpoint), then PostgreSQL.
        checkpoint = os.path.join(region, "state.checkpoint")
        if os.path.exists(checkpoint):
            os.unlink(checkpoint)
        folder_times = []
        for _ in range(3):
            server, seconds = serve(region, "/tmp/vtc-bench-pg.sock", log=os.path.join(WORK, "folder-server.log"))
            stop(server)
            folder_times.append(seconds)
        psql("postgres", "CREATE DATABASE vtc_region OWNER root")
        started = time.perf_counter()
        sh(BIN, "store", "copy", "--from", region, "--to", uri("vtc_region"), capture_output=True)
        copy_s = time.perf_counter() - started
        store_only = os.path.join(WORK, "store-only")
        shutil.rmtree(store_only, ignore_errors=True)
        data_folder(store_only)
        shutil.copy(os.path.join(region, "roster.json"), store_only)
        os.chmod(os.path.join(store_only, "roster.json"), 0o640)
        pg_times = []
        for _ in range(3):
            server, seconds = serve(store_only, "/tmp/vtc-bench-pg.sock", uri("vtc_region"), os.path.join(WORK, "pg-server.log"))
            stop(server)
            pg_times.append(seconds)
    finally:
        stop_cluster()

    print_appends(bare, one, eight)
    print(f"region log: {events} events, {log_mb:.0f} MB; store copy into PostgreSQL {copy_s:.1f} s")
    print(f"server start-up from the folder: first (replay, writes the checkpoint) {folder_times[0]:.2f} s, "
          f"then with the checkpoint {statistics.median(folder_times[1:]):.2f} s")
    print(f"server start-up from PostgreSQL: {', '.join(f'{t:.2f}' for t in pg_times)} s; median "
          f"{statistics.median(pg_times):.2f} s = {statistics.median(pg_times) / folder_times[0]:.2f} × the folder's replay, "
          f"{statistics.median(pg_times) / statistics.median(folder_times[1:]):.2f} × the folder with its checkpoint")


def appends(me):
    """Durable appends: a fresh database, a server on it, rounds of bare commits and writers interleaved."""
    psql("postgres", "CREATE DATABASE vtc_append OWNER root")
    folder = os.path.join(WORK, "appends")
    shutil.rmtree(folder, ignore_errors=True)
    data_folder(folder, {"units": ["A"], "users": [{"user": me, "roles": {"staff": ["A"]}}]})
    server, _ = serve(folder, "/tmp/vtc-bench-pg.sock", uri("vtc_append"), os.path.join(WORK, "append-server.log"))
    # The reference group-commit server (Benchmarks/reference-group-commit.c) on the same database: each batch one
    # INSERT committed on its own, the least any server in between takes; its writers in turns with vtc's.
    reference = server_bench.start_reference(REFERENCE_SOCKET, ["--postgres", f"host={PG} port={PORT} dbname=vtc_append"])
    bare, one, eight, reference_one, reference_eight = [], [], [], [], []
    try:
        writers("/tmp/vtc-bench-pg.sock", "A", 1, 20)  # warm up
        for _ in range(ROUNDS):
            bare += bare_commits("vtc_append", 100)
            one += writers("/tmp/vtc-bench-pg.sock", "A", 1, 100)
            reference_one += writers(REFERENCE_SOCKET, "A", 1, 100)
            eight += writers("/tmp/vtc-bench-pg.sock", "A", 8, 25)
            reference_eight += writers(REFERENCE_SOCKET, "A", 8, 25)
    finally:
        stop(server)
        reference.terminate(); reference.wait()
    return bare, (one, reference_one), (eight, reference_eight)


REFERENCE_SOCKET = "/tmp/vtc-bench-pg-reference.sock"


def print_appends(bare, one, eight):
    print(f"PostgreSQL {psql_version()}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    print(f"bare single-row INSERT + COMMIT (psql, 1 connection): p50 {pct(bare, 0.5):.2f} ms, p99 {pct(bare, 0.99):.2f} ms (n={len(bare)})")
    for name, (through_vtc, through_reference) in [("1 writer", one), ("8 writers", eight)]:
        print(f"{name} through vtc serve --store: p50 {pct(through_vtc, 0.5):.2f} ms, p99 {pct(through_vtc, 0.99):.2f} ms "
              f"(n={len(through_vtc)}); p50 = {pct(through_vtc, 0.5) / pct(bare, 0.5):.2f} × bare; "
              f"through the reference group-commit server: p50 {pct(through_reference, 0.5):.2f} ms "
              f"= {pct(through_reference, 0.5) / pct(bare, 0.5):.2f} × bare; "
              f"vtc = {pct(through_vtc, 0.5) / pct(through_reference, 0.5):.2f} × the reference")


def psql_version():
    return os.path.basename(os.path.dirname(os.path.dirname(pg_bin("psql"))))


if __name__ == "__main__":
    main()
