#!/usr/bin/env python3
"""vtc through `vtc serve` beside embedded mode, on the same region-sized log, in one run.

Usage (as root, after `swift build -c release --product vtc`; another engineer may run it too, so under a lock):
    flock /tmp/server-bench.lock python3 Benchmarks/server-bench.py [INCIDENTS] [--only SECTION,...]
INCIDENTS defaults to 200000 (about 1.2 million events). SECTION: embedded, server (list, show and register through
the server for staff, leader and coordinator), list (only the list rows of those, and a list right after a write),
clients (server memory with 50 clients), writers, ui (the terminal UI's rows, with search typing; `--ui` is
`--only ui`), week (the terminal UI's week screen and follow-up queue for a leader and a coordinator: time to open,
keys, peak memory, the export `x`; the coordinator's questions with a raw client and `vtc week --format markdown`).
Without --only every section but `list` runs (`server` holds it).

Makes a demo log under Benchmarks/.data (kept between runs; each run starts from a fresh copy of it), a service user,
two staff users and a leader (removed at the end), and measures: the commands of docs/benchmarks.md embedded and
through the server (wall time, peak memory of the client), the server's memory after opening and with 50 clients
connected, 8 concurrent writers through the server beside a bare write+fdatasync on the same disk, and the terminal
UI's first screen through the server.
"""
import json, os, pwd, shutil, socket, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILT = os.environ.get("VTC_BENCH_BINARY", os.path.join(ROOT, ".build/release/vtc"))
SECTIONS = ["embedded", "server", "list", "clients", "writers", "ui", "week"]
ARGS = ["--only", "ui"] + [a for a in sys.argv[1:] if a != "--ui"] if "--ui" in sys.argv[1:] else sys.argv[1:]
ONLY = set(ARGS.pop(ARGS.index("--only") + 1).split(",")) if "--only" in ARGS else set(SECTIONS) - {"list"}
if "--only" in ARGS:
    ARGS.remove("--only")
if not ONLY <= set(SECTIONS):
    raise SystemExit(f"--only takes sections of {', '.join(SECTIONS)}")
INCIDENTS = int(ARGS[0]) if ARGS else 200_000
WORK = os.path.join(ROOT, "Benchmarks/.data", f"server-{INCIDENTS}")
DATA = os.path.join(WORK, "data")
PRISTINE = os.path.join(WORK, "pristine")  # the demo region as made, copied to DATA at the start of each run
RUN = "/tmp/vtc-bench-run"
SOCKET = RUN + "/vtc.sock"
BIN = "/tmp/vtc-bench-bin/vtc"
RUNS = 5


def sh(*args, **kw):
    return subprocess.run(list(args), check=True, **kw)


def user(name):
    if subprocess.run(["id", name], capture_output=True).returncode != 0:
        sh("useradd", "--no-create-home", "--home-dir", f"/tmp/home-{name}", "--shell", "/usr/sbin/nologin", "--user-group", name)
    entry = pwd.getpwnam(name)
    os.makedirs(f"/tmp/home-{name}", exist_ok=True)
    os.chown(f"/tmp/home-{name}", entry.pw_uid, entry.pw_gid)
    return entry


def as_user(entry):
    if entry is None:
        return [], dict(os.environ)
    env = {"PATH": "/usr/bin:/bin", "HOME": f"/tmp/home-{entry.pw_name}", "LANG": "C.UTF-8"}
    return ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--init-groups", "--"], env


def timed(argv, entry=None):
    """Median wall time (ms) and the largest peak resident memory (MB) of RUNS runs."""
    prefix, env = as_user(entry)
    walls, peaks, out = [], [], ""
    for _ in range(RUNS):
        start = time.perf_counter()
        process = subprocess.Popen(prefix + argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        stdout, stderr = process.communicate()
        walls.append((time.perf_counter() - start) * 1000)
        if process.returncode != 0:
            raise SystemExit(f"{argv} failed: {stderr.decode()}")
        out = stdout.decode()
    # Peak memory of one more run, as GNU time reports it for the program (setpriv execs it in place).
    report = f"/tmp/vtc-bench-time-{os.getpid()}"
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report] + prefix + argv, env=env, capture_output=True, check=True)
    peak_kb = int(open(report).read().split()[-1])
    os.unlink(report)
    return statistics.median(walls), peak_kb / 1024, out


def vm(pid, field):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0


# The protocol for the client scripts that run as other users (docs/protocol.md: length, header length, JSON).
CLIENT = r'''
import json, os, socket, struct, sys, time, uuid
def frame(h):
    b = json.dumps(h).encode(); return struct.pack(">II", 4 + len(b), len(b)) + b
def read(s):
    def ex(n):
        d = b""
        while len(d) < n:
            c = s.recv(n - len(d))
            if not c: raise EOFError
            d += c
        return d
    (l,) = struct.unpack(">I", ex(4)); b = ex(l); (n,) = struct.unpack(">I", b[:4]); return json.loads(b[4:4 + n])
'''


WRITER = CLIENT + r'''
# Each writer is a process of its own (threads of one Python would wait for each other's turn at the interpreter
# lock, which is no part of the server's latency), with its frames made before the clock starts.
sock, unit, writers, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def registration():
    at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    return frame({"type": "append", "payloads": [{"format": 1, "id": str(uuid.uuid4()), "at": at, "actor": "-",
        "type": "registered", "data": {
        "incident": str(uuid.uuid4()), "occurred_at": at, "unit": unit, "location": None, "kind": "threat",
        "severity": 2, "involvement": "direct", "counterpart": "citizen", "citizen_ref": "B-1", "injury": "none",
        "first_absence_day": None, "absence_days": None, "description": "Målt skrivning", "first_aid": False,
        "defusing_held": False, "wants_leader_talk": False, "wants_psychologist": False, "police_report": False}}]})
go_read, go_write = os.pipe()
results = []
for _ in range(writers):
    result_read, result_write = os.pipe()
    if os.fork() == 0:
        frames = [registration() for _ in range(count)]
        s = socket.socket(socket.AF_UNIX); s.connect(sock)
        s.sendall(frame({"type": "hello", "version": 2})); read(s)
        os.read(go_read, 1)
        latencies = []
        for f in frames:
            t = time.perf_counter()
            s.sendall(f)
            reply = read(s)
            latencies.append((time.perf_counter() - t) * 1000)
            if reply["type"] != "appended": raise SystemExit(str(reply))
        os.write(result_write, json.dumps(latencies).encode()); os._exit(0)
    os.close(result_write)
    results.append(result_read)
time.sleep(0.5)
os.write(go_write, b"x" * writers)
latencies = []
for r in results:
    with os.fdopen(r, "rb") as f:
        latencies += json.loads(f.read())
for _ in range(writers):
    os.wait()
print(json.dumps(latencies))
'''


def bare(count, folder):
    """write + fdatasync of one event-sized line to a plain file, the floor for a durable append."""
    path = os.path.join(folder, "bare.bin")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    line = b"x" * 760 + b"\n"
    samples = []
    for _ in range(count):
        t = time.perf_counter()
        os.write(fd, line)
        os.fdatasync(fd)
        samples.append((time.perf_counter() - t) * 1000)
    os.close(fd)
    os.unlink(path)
    return samples


def pct(samples, p):
    s = sorted(samples)
    return s[min(len(s) - 1, int(len(s) * p))]


def main():
    if os.geteuid() != 0:
        raise SystemExit("run as root: it makes a service user and staff users")
    os.makedirs(os.path.dirname(BIN), exist_ok=True)
    shutil.copy(BUILT, BIN + ".tmp"); os.chmod(BIN + ".tmp", 0o755); os.rename(BIN + ".tmp", BIN)
    os.chmod(os.path.dirname(BIN), 0o755)
    service, staff, staff2, leader = user("vtcb-svc"), user("vtcb-staff"), user("vtcb-staff2"), user("vtcb-leader")
    # Every run starts from the same demo region: the runs register (the writers alone some 1 000 unacknowledged
    # registrations in one unit), and a log grown by earlier runs would make later ones list more.
    if not os.path.exists(os.path.join(PRISTINE, "events.jsonl")):
        shutil.rmtree(WORK, ignore_errors=True)
        os.makedirs(WORK)
        sh(BIN, "demo", "--data", PRISTINE, "--incidents", str(INCIDENTS))
    shutil.rmtree(DATA, ignore_errors=True)
    shutil.copytree(PRISTINE, DATA)
    for path, _, files in os.walk(DATA):
        os.chown(path, 0, 0)
        for f in files:
            os.chown(os.path.join(path, f), 0, 0)
    roster = json.load(open(os.path.join(DATA, "roster.json")))
    unit = roster["units"][0] if isinstance(roster["units"][0], str) else roster["units"][0]["name"]
    roster["users"] = [u for u in roster["users"] if not u["user"].startswith("vtcb-")]
    roster["users"] += [{"user": staff.pw_name, "roles": {"staff": [unit]}}, {"user": staff2.pw_name, "roles": {"staff": [unit]}},
                        {"user": leader.pw_name, "roles": {"leader": [unit], "staff": [unit]}}]
    json.dump(roster, open(os.path.join(DATA, "roster.json"), "w"), ensure_ascii=False)
    log_mb = os.path.getsize(os.path.join(DATA, "events.jsonl")) / 1e6
    events = sum(1 for _ in open(os.path.join(DATA, "events.jsonl"), "rb")) - 1
    rows = []

    # Embedded: root owns the folder and holds every role of the demo roster (as today's single writer).
    any_id = subprocess.run([BIN, "list", "--data", DATA, "--format", "json", "--lang", "en"], capture_output=True, check=True).stdout
    some_id = json.loads(any_id)[0]["id"][:8]
    register = ["register", "--unit", unit, "--kind", "threat", "--severity", "2", "--description", "Målt registrering"]
    for name, argv in [("list --unacknowledged", ["list", "--unacknowledged"]), ("show ID", ["show", some_id]), ("register", register)]:
        if "embedded" not in ONLY:
            break
        wall, peak, out = timed([BIN] + argv + ["--data", DATA, "--lang", "en"])
        rows.append((name, "embedded, coordinator of every unit", wall, peak, listed(name, out)))

    # The server: the folder handed to the service user.
    for path, dirs, files in os.walk(DATA):
        os.chown(path, service.pw_uid, service.pw_gid); os.chmod(path, 0o750)
        for f in files:
            os.chown(os.path.join(path, f), service.pw_uid, service.pw_gid); os.chmod(os.path.join(path, f), 0o640)
    os.makedirs(RUN, exist_ok=True); os.chown(RUN, service.pw_uid, service.pw_gid); os.chmod(RUN, 0o755)
    prefix, env = as_user(service)
    started = time.perf_counter()
    server = subprocess.Popen(prefix + [BIN, "serve", "--data", DATA, "--socket", SOCKET], env=env,
                              stderr=open(os.path.join(WORK, "server.log"), "w"))
    while True:
        try:
            probe = socket.socket(socket.AF_UNIX); probe.connect(SOCKET); probe.close(); break
        except OSError:
            time.sleep(0.05)
    server_open_s = time.perf_counter() - started
    server_rss = vm(server.pid, "VmRSS")
    # The index of every incident is built on the server's queue after the socket opens: once a coordinator's home
    # (root holds every role of the demo roster) is answered, it is there.
    client = {}
    exec(CLIENT, client)
    probe = socket.socket(socket.AF_UNIX); probe.connect(SOCKET)
    probe.sendall(client["frame"]({"type": "hello", "version": 2})); client["read"](probe)
    probe.sendall(client["frame"]({"type": "home", "at": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())})); client["read"](probe)
    probe.close()
    indexed_rss = vm(server.pid, "VmRSS")
    try:
        own = subprocess.run(prefix_for(staff) + [BIN] + register + ["--server", SOCKET], capture_output=True, env=as_user(staff)[1], check=True).stdout.decode().strip()
        for who, entry in [("staff of one unit", staff), ("leader of one unit", leader), ("coordinator of every unit", None)]:
            show_id = own[:8] if entry else some_id
            for name, argv in [("list --unacknowledged", ["list", "--unacknowledged"]), ("show ID", ["show", show_id]), ("register", register)]:
                if "server" not in ONLY and not ("list" in ONLY and name.startswith("list")):
                    continue
                wall, peak, out = timed([BIN] + argv + ["--server", SOCKET, "--lang", "en"], entry)
                rows.append((name, f"server, {who}", wall, peak, listed(name, out)))
            if ONLY & {"server", "list"}:
                # The first list after a write elsewhere in the region (another staff member's registration).
                wall, out = after_write(["list", "--unacknowledged"], entry, staff2, register)
                rows.append(("list --unacknowledged", f"server, {who}, right after another's write", wall, None, listed("list", out)))

        # 50 clients connected (hello + subscribe), as two staff users.
        rss_50 = None
        if "clients" in ONLY:
            rss_50 = clients_connected(server, staff, staff2)
        writers = writer_figures(unit, staff2) if "writers" in ONLY else None
        uis = [(who, ui_start(entry, staff2, register)) for who, entry in [("staff", staff), ("leader of one unit", leader),
                                                          ("coordinator of every unit", None)] if "ui" in ONLY]
        weeks = [(who, week_screens(entry)) for who, entry in [("leader of one unit", leader), ("coordinator of every unit", None)]
                 if "week" in ONLY]
        raw = raw_answers() if "week" in ONLY else None
        # The command that prints the export's document, as the coordinator (root): wall time and client peak memory.
        markdown = timed([BIN, "week", "--format", "markdown", "--server", SOCKET, "--lang", "da"]) if "week" in ONLY else None
    finally:
        server.terminate(); server.wait()
    for path, _, files in os.walk(DATA):
        os.chown(path, 0, 0)
        for f in files:
            os.chown(os.path.join(path, f), 0, 0)
    for entry in [service, staff, staff2, leader]:
        subprocess.run(["userdel", entry.pw_name], capture_output=True)

    print(f"log: {events} events, {log_mb:.0f} MB; server opened it in {server_open_s:.1f} s; sections: {', '.join(sorted(ONLY))}")
    if rows:
        print("| command | mode | wall (median of 5) | client peak memory | incidents listed |")
        print("| --- | --- | ---: | ---: | ---: |")
    for name, mode, wall, peak, count in rows:
        memory = "" if peak is None else f"{peak:.0f} MB"
        print(f"| `vtc {name}` | {mode} | {wall:.0f} ms | {memory} | {'' if count is None else count} |")
    print(f"\nserver resident memory after opening: {server_rss:.0f} MB ({server_rss / log_mb:.2f} × the log)")
    print(f"server resident memory once the index of every incident is built (a coordinator's home answered): "
          f"{indexed_rss:.0f} MB ({indexed_rss / log_mb:.2f} × the log)")
    if rss_50 is not None:
        print(f"with 50 clients connected: {rss_50:.0f} MB (+{(rss_50 / indexed_rss - 1) * 100:.1f} % against the built index's)")
    if writers:
        bare_samples, one, eight, beside_views, reference_one, reference_eight = writers
        print(f"bare write+fdatasync: p50 {pct(bare_samples, 0.5):.2f} ms, p99 {pct(bare_samples, 0.99):.2f} ms (n={len(bare_samples)})")
        for name, through_vtc, through_reference in [("1 writer", one, reference_one), ("8 writers", eight, reference_eight)]:
            print(f"{name} through the server: p50 {pct(through_vtc, 0.5):.2f} ms, p99 {pct(through_vtc, 0.99):.2f} ms "
                  f"(n={len(through_vtc)}); p50 = {pct(through_vtc, 0.5) / pct(bare_samples, 0.5):.2f} × bare; "
                  f"through the reference group-commit server: p50 {pct(through_reference, 0.5):.2f} ms "
                  f"= {pct(through_reference, 0.5) / pct(bare_samples, 0.5):.2f} × bare; "
                  f"vtc = {pct(through_vtc, 0.5) / pct(through_reference, 0.5):.2f} × the reference")
        print(f"8 writers while a coordinator fetches whole views: p50 {pct(beside_views, 0.5):.2f} ms, "
              f"p99 {pct(beside_views, 0.99):.2f} ms, max {max(beside_views):.2f} ms (n={len(beside_views)})")
    for who, figure in uis:
        print(f"terminal UI through the server, {who}: {figure}")
    for who, figure in weeks:
        print(f"week screen and follow-up queue through the server, {who}: {figure}")
    if raw:
        print(f"the coordinator's questions to the server (raw client): {raw}")
    if markdown:
        wall, peak, out = markdown
        print(f"`vtc week --format markdown` through the server, coordinator of every unit: {wall:.0f} ms, client peak"
              f" {peak:.0f} MB ({len(out.encode()) / 1e6:.1f} MB of Markdown)")


def listed(name, out):
    """How many incidents a list printed (its table's rows), or None for another command."""
    if not name.startswith("list"):
        return None
    lines = [line for line in out.splitlines() if line.strip()]
    return max(len(lines) - 1, 0) if len(lines) > 1 else 0


def after_write(argv, entry, writer, register):
    """Median wall time (ms) of `argv` run as `entry` right after `writer` registered an incident, RUNS times."""
    prefix, env = as_user(entry)
    walls, out = [], ""
    for _ in range(RUNS):
        subprocess.run(prefix_for(writer) + [BIN] + register + ["--server", SOCKET], env=as_user(writer)[1],
                       capture_output=True, check=True)
        start = time.perf_counter()
        done = subprocess.run(prefix + [BIN] + argv + ["--server", SOCKET, "--lang", "en"], env=env, capture_output=True, check=True)
        walls.append((time.perf_counter() - start) * 1000)
        out = done.stdout.decode()
    return statistics.median(walls), out


def clients_connected(server, staff, staff2):
    """The server's resident memory with 50 clients connected (hello, view, subscribe), as two staff users."""
    holders = []
    for entry in [staff, staff2]:
        holders.append(subprocess.Popen(prefix_for(entry) + ["python3", "-c", HOLDER, SOCKET, "25"], env=as_user(entry)[1],
                                        stdout=subprocess.PIPE))
    for h in holders:
        h.stdout.readline()
    rss_50 = vm(server.pid, "VmRSS")
    for h in holders:
        h.terminate(); h.wait()
    return rss_50


def writer_figures(unit, staff2):
    # 8 writers at once through the server, beside a bare write+fdatasync on the same disk, and beside the same
    # writers through the reference group-commit server (Benchmarks/reference-group-commit.c: the least any server
    # can do for them on this machine), taken in turns so that both meet the same load.
    bare_before = bare(200, WORK)
    reference = start_reference(REFERENCE_SOCKET, [REFERENCE_LOG])
    # As the second staff user, so that the first one's own registrations (what their commands list) stay few.
    def through(socket_path, count, each):
        return json.loads(subprocess.run(prefix_for(staff2) + ["python3", "-c", WRITER, socket_path, unit, str(count), str(each)],
                                         env=as_user(staff2)[1], capture_output=True, check=True).stdout)
    eight, one, reference_eight, reference_one = [], [], [], []
    try:
        for _ in range(2):
            eight += through(SOCKET, 8, 25)
            reference_eight += through(REFERENCE_SOCKET, 8, 25)
            one += through(SOCKET, 1, 100)
            reference_one += through(REFERENCE_SOCKET, 1, 100)
    finally:
        reference.terminate(); reference.wait()
        os.unlink(REFERENCE_LOG)
    # The same 8 writers while a coordinator of every unit fetches the whole view again and again
    # (as the terminal UI does after every change): the writes must not wait for the views.
    viewer = subprocess.Popen(["python3", "-c", VIEWER, SOCKET], stdout=subprocess.PIPE)
    viewer.stdout.readline()
    beside_views = through(SOCKET, 8, 50)
    viewer.terminate(); viewer.wait()
    bare_samples = bare_before + bare(200, WORK)
    return bare_samples, one, eight, beside_views, reference_one, reference_eight


REFERENCE_SOCKET = RUN + "/reference.sock"
REFERENCE_LOG = os.path.join(WORK, "reference.log")


def start_reference(socket_path, target):
    """The reference group-commit server, built here, on `target` (a file on the log's disk, or ["--postgres",
    CONNINFO], built with libpq), its socket open to the writers."""
    source = os.path.join(ROOT, "Benchmarks/reference-group-commit.c")
    built = os.path.join(os.path.dirname(BIN), "reference-group-commit")
    os.makedirs(os.path.dirname(built), exist_ok=True)
    if shutil.which("cc") is None:
        raise SystemExit("the writers need a C compiler (cc) for Benchmarks/reference-group-commit.c")
    libpq = ["-DWITH_LIBPQ", "-I/usr/include/postgresql", "-lpq"] if target[0] == "--postgres" else []
    if libpq and not os.path.exists("/usr/include/postgresql/libpq-fe.h"):
        raise SystemExit("the reference on PostgreSQL needs libpq's headers: apt-get install libpq-dev")
    sh("cc", "-O2", "-o", built, source, *libpq)
    process = subprocess.Popen([built, socket_path] + target, stdout=subprocess.PIPE)
    if process.stdout.readline() != b"ready\n":
        raise SystemExit("the reference group-commit server did not start")
    os.chmod(socket_path, 0o666)
    return process


def prefix_for(entry):
    return as_user(entry)[0]


HOLDER = CLIENT + r'''
held = []
for _ in range(int(sys.argv[2])):
    s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
    s.sendall(frame({"type": "hello", "version": 2})); read(s)
    s.sendall(frame({"type": "view"})); read(s)
    s.sendall(frame({"type": "subscribe"})); read(s)
    held.append(s)
print("connected", flush=True)
time.sleep(600)
'''


VIEWER = CLIENT + r'''
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])
s.sendall(frame({"type": "hello", "version": 2})); read(s)
print("connected", flush=True)
while True:
    s.sendall(frame({"type": "view", "scope": "everything"})); read(s)
'''


def ui_start(entry, writer, register):
    """As `entry`, or as root (the folder's embedded owner: coordinator of every unit) for None."""
    session = "vtc-bench-ui"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    home = f"/tmp/home-{entry.pw_name}" if entry else "/root"
    command = " ".join(prefix_for(entry)) + f" env HOME={home} LANG=C.UTF-8 {BIN} --server {SOCKET} --lang da"
    start = time.perf_counter()
    # A tmux server whose last session was just killed may still be exiting: start again once it has.
    for attempt in range(5):
        if subprocess.run(["tmux", "new-session", "-d", "-x", "80", "-y", "24", "-s", session, command]).returncode == 0:
            break
        time.sleep(0.2)
        start = time.perf_counter()
    while b"Statistik" not in subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True).stdout:
        time.sleep(0.01)
    first = (time.perf_counter() - start) * 1000
    pid = subprocess.run(["pgrep", "-n", "-f", f"{BIN} --server"], capture_output=True).stdout.split()[0].decode()
    peak = vm(pid, "VmHWM")
    def open_list():
        """Presses l on the home screen: the time until the list shows."""
        started = time.perf_counter()
        subprocess.run(["tmux", "send-keys", "-t", session, "l"])
        deadline = time.time() + 60
        while b"Nyeste" not in subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True).stdout:
            if time.time() > deadline:
                break
        return (time.perf_counter() - started) * 1000
    first_list = open_list()
    time.sleep(1)
    peak = max(peak, vm(pid, "VmHWM"))
    # Search typing on the open list: each character until the pane shows it typed (the screen is drawn after the
    # key's answer), against reading a pane that does not change (what tmux alone takes).
    idle = []
    for _ in range(10):
        started = time.perf_counter()
        subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True)
        idle.append((time.perf_counter() - started) * 1000)
    # List keys on the open list: each until the pane (with its colours: the selected row) changes. A key that does
    # not change it within 2 s (a list of one row does not scroll) ends its kind of key, untimed.
    def pane():
        return subprocess.run(["tmux", "capture-pane", "-e", "-p", "-t", session], capture_output=True).stdout
    listed = {}
    for name, keys in [("down", ["Down"] * 10), ("page down", ["PageDown"] * 10), ("end, home", ["End", "Home"] * 3),
                       ("severity filter", ["3"] * 6), ("overdue toggle", ["d"] * 6)]:
        for key in keys:
            before = pane()
            started = time.perf_counter()
            subprocess.run(["tmux", "send-keys", "-t", session, key])
            deadline = time.time() + 2
            while pane() == before and time.time() < deadline:
                pass
            if time.time() >= deadline:
                break
            listed.setdefault(name, []).append((time.perf_counter() - started) * 1000)
    subprocess.run(["tmux", "send-keys", "-t", session, "/"])
    time.sleep(0.5)
    typed = []
    for n, character in enumerate("kollega"):
        started = time.perf_counter()
        subprocess.run(["tmux", "send-keys", "-t", session, "-l", character])
        shown = ("Søg: " + "kollega"[:n + 1]).encode()
        deadline = time.time() + 30
        while shown not in subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True).stdout:
            if time.time() > deadline:
                break
        typed.append((time.perf_counter() - started) * 1000)
    peak = max(peak, vm(pid, "VmHWM"))
    # Back to the home screen; another user registers; once the home screen has its new numbers, the list again.
    # (Each Escape on its own: curses waits up to a second for what may follow an Escape.)
    for key in ["Escape", "Escape"]:
        subprocess.run(["tmux", "send-keys", "-t", session, key])
        time.sleep(1.2)
    deadline = time.time() + 10
    while b"Nyeste" in subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True).stdout:
        if time.time() > deadline:
            raise SystemExit("the list did not close")
        time.sleep(0.05)
    subprocess.run(prefix_for(writer) + [BIN] + register + ["--server", SOCKET], env=as_user(writer)[1], capture_output=True, check=True)
    time.sleep(1.5)
    list_after_write = open_list()
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    keys = "; ".join(f"{name} p50 {pct(times, 0.5):.0f} / max {max(times):.0f} ms" for name, times in listed.items())
    return (f"home screen after {first:.0f} ms (including tmux and setpriv), peak memory {peak:.0f} MB after opening the list"
            f" and searching; the list (l) after {first_list:.0f} ms, after another's write {list_after_write:.0f} ms; list keys: {keys}; search typing {', '.join(f'{t:.0f}' for t in typed)} ms per key (a pane read alone:"
            f" {statistics.median(idle):.0f} ms)")


def pane(session, escapes=False):
    return subprocess.run(["tmux", "capture-pane", "-p"] + (["-e"] if escapes else []) + ["-t", session], capture_output=True).stdout


def until_shown(session, text, seconds=120):
    """Milliseconds until the pane shows `text`."""
    started = time.perf_counter()
    deadline = time.time() + seconds
    while text.encode() not in pane(session):
        if time.time() > deadline:
            raise SystemExit(f"{text!r} not shown after {seconds} s: {pane(session).decode()}")
        time.sleep(0.005)
    return (time.perf_counter() - started) * 1000


def key_times(session, key, count):
    """Per key: the milliseconds until the pane (with its styles) differs from before the key."""
    times = []
    for _ in range(count):
        before = pane(session, escapes=True)
        started = time.perf_counter()
        subprocess.run(["tmux", "send-keys", "-t", session, key])
        deadline = time.time() + 5
        while pane(session, escapes=True) == before and time.time() < deadline:
            pass
        times.append((time.perf_counter() - started) * 1000)
    return times


def week_screens(entry):
    """As `entry`, or as root (coordinator and AMG of every unit) for None: from the home screen, the week screen
    (`w`) and its scrolling, back, then the follow-up queue (`f`) and its moving down; the UI's peak memory."""
    session = "vtc-bench-week"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    home = f"/tmp/home-{entry.pw_name}" if entry else "/root"
    # The export (x) goes to a folder of the run's own, removed afterwards.
    exports = f"/tmp/vtc-bench-week-exports-{entry.pw_name if entry else 'root'}"
    shutil.rmtree(exports, ignore_errors=True)
    os.makedirs(exports)
    if entry:
        os.chown(exports, entry.pw_uid, entry.pw_gid)
    command = (" ".join(prefix_for(entry)) + f" env HOME={home} XDG_STATE_HOME={exports} LANG=C.UTF-8 {BIN} --server {SOCKET}"
               " --lang da")
    for attempt in range(5):
        if subprocess.run(["tmux", "new-session", "-d", "-x", "80", "-y", "24", "-s", session, command]).returncode == 0:
            break
        time.sleep(0.2)
    until_shown(session, "Statistik")
    pid = subprocess.run(["pgrep", "-n", "-f", f"{BIN} --server"], capture_output=True).stdout.split()[0].decode()
    home_peak = vm(pid, "VmHWM")
    subprocess.run(["tmux", "send-keys", "-t", session, "w"])
    week_open = until_shown(session, "Ugens tal")
    week_peak = vm(pid, "VmHWM")
    week_keys = key_times(session, "PageDown", 10) + key_times(session, "Down", 10)
    subprocess.run(["tmux", "send-keys", "-t", session, "x"])
    export = until_shown(session, "Skrevet til", seconds=300)
    export_peak = vm(pid, "VmHWM")
    export_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(exports) for f in fs) / 1e6
    shutil.rmtree(exports, ignore_errors=True)
    subprocess.run(["tmux", "send-keys", "-t", session, "Escape"])
    until_shown(session, "Statistik")
    subprocess.run(["tmux", "send-keys", "-t", session, "f"])
    queue_open = until_shown(session, "Min opfølgning")
    queue_keys = key_times(session, "Down", 20) + key_times(session, "PageDown", 10)
    peak = vm(pid, "VmHWM")
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return (f"week screen after {week_open:.0f} ms, keys {min(week_keys):.0f}–{max(week_keys):.0f} ms (median"
            f" {statistics.median(week_keys):.0f}); follow-up queue after {queue_open:.0f} ms, keys {min(queue_keys):.0f}–"
            f"{max(queue_keys):.0f} ms (median {statistics.median(queue_keys):.0f}); peak memory {home_peak:.0f} MB at home,"
            f" {week_peak:.0f} MB with the week open; the export (x) after {export:.0f} ms ({export_mb:.1f} MB of Markdown),"
            f" peak {export_peak:.0f} MB after it")


def raw_answers():
    """What the server takes for the coordinator's (root's) week and queue questions, with a raw client: the time
    until the whole answer is read, and its size."""
    import struct
    s = socket.socket(socket.AF_UNIX)
    s.connect(SOCKET)

    def ask(header):
        body = json.dumps(header).encode()
        started = time.perf_counter()
        s.sendall(struct.pack(">II", 4 + len(body), len(body)) + body)
        length = struct.unpack(">I", s.recv(4, socket.MSG_WAITALL))[0]
        got = 0
        while got < length:
            got += len(s.recv(min(1 << 20, length - got)))
        return (time.perf_counter() - started) * 1000, (4 + length) / 1e6

    ask({"type": "hello", "version": 2})
    at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    # The ISO week of now (UTC; the server's zone is Copenhagen's, the same week but for an hour at the turn).
    year, week = int(time.strftime("%G", time.gmtime())), int(time.strftime("%V", time.gmtime()))
    units = [u if isinstance(u, str) else u["name"] for u in json.load(open(os.path.join(DATA, "roster.json")))["units"]]
    rows = []
    for name, header in [
        ("week, page 300", {"type": "week", "year": year, "week": week, "units": units, "at": at, "page": 300}),
        ("week, whole (the export)", {"type": "week", "year": year, "week": week, "units": units, "at": at}),
        ("follow_ups, rows 0-239 (the queue computed)", {"type": "follow_ups", "at": at, "first": 0, "count": 240}),
        ("follow_ups, rows 240-479 (the queue kept)", {"type": "follow_ups", "at": at, "first": 240, "count": 240}),
        ("follow_ups, whole", {"type": "follow_ups", "at": at}),
        # Last: a server from before it answers with a protocol error and closes the connection.
        ("week_document (the export, made in the server)",
         {"type": "week_document", "year": year, "week": week, "units": units, "at": at, "language": "da"}),
    ]:
        ms, mb = ask(header)
        rows.append(f"{name}: {ms:.0f} ms, {mb:.2f} MB")
    s.close()
    return "; ".join(rows)


if __name__ == "__main__":
    main()
