"""Sign-ups and key-authenticated reads through the gateway while PostgreSQL and then Redis are
taken away and given back, then the checks of DESIGN.md's fault target:

  1. every acknowledged sign-up (201) is in identity's database;
  2. every acknowledged sign-up got its birth certificate (the event crossed the Redis outage);
  3. no 5xx other than 503 with Retry-After;
  4. after each fault, the platform answers normally again without a restart;

and the same for a restart of identity-service (SIGTERM, as Kubernetes sends it, then a start).

Started by run.sh, which prepares databases, keys and the environment; the services are started
here because they must connect through the relays.
"""

import collections
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import uuid

from relay import Relay

ROOT = os.environ["ROOT"]
WORK = os.environ["WORK"]
TAG = os.environ["TAG"]
HERE = os.path.dirname(os.path.abspath(__file__))
PG_PORT, REDIS_PORT = 15432, 16379
GATEWAY_PORT = 18280
SERVICES = {"identity-service": 18281, "cert-service": 18282, "gateway": GATEWAY_PORT}
PASSWORD = "Correct-Horse-Battery-42"

# Planned faults, in seconds from the start of the load. The restart's later phases (the service
# down, then back) are recorded when they happen.
SCHEDULE = [
    (8, "PostgreSQL away"),
    (14, "PostgreSQL back"),
    (24, "Redis away"),
    (30, "Redis back"),
    (40, "identity-service draining after SIGTERM"),
]
AFTER_LAST = 8  # seconds of load after the last phase began
RECOVERED_WITHIN = 5  # seconds after a dependency returns that answers must be normal again


def log(message):
    print(message, flush=True)


def start_service(name, pg_port=PG_PORT, redis_port=REDIS_PORT):
    """Starts one service (as its pod would, with a shutdown grace period) and waits until ready."""
    port = SERVICES[name]
    env = dict(os.environ)
    env.update(
        QUARKUS_HTTP_PORT=str(port),
        # Health is on the management interface: the HTTP port plus 1000 (scripts/lib.sh).
        QUARKUS_MANAGEMENT_PORT=str(port + 1000),
        PGPORT=str(pg_port),
        REDIS_URL=f"redis://127.0.0.1:{redis_port}",
        SPACEDUCK_EVENTS_STREAM=f"bench:{TAG}:events",
        SPACEDUCK_GATEWAY_UPSTREAMS_IDENTITY=f"http://127.0.0.1:{SERVICES['identity-service']}",
        SPACEDUCK_GATEWAY_UPSTREAMS_CERT=f"http://127.0.0.1:{SERVICES['cert-service']}",
        SPACEDUCK_GATEWAY_UPSTREAMS_SYNC="http://127.0.0.1:1",
        SPACEDUCK_GATEWAY_STATUS_READINESS_IDENTITY=f"http://127.0.0.1:{SERVICES['identity-service'] + 1000}/q/health/ready",
        SPACEDUCK_GATEWAY_STATUS_READINESS_CERT=f"http://127.0.0.1:{SERVICES['cert-service'] + 1000}/q/health/ready",
        SPACEDUCK_GATEWAY_STATUS_READINESS_SYNC="http://127.0.0.1:1/q/health/ready",
        SPACEDUCK_GATEWAY_RATE_LIMITS_KEY_PREFIX=f"bench:{TAG}:",
        QUARKUS_SHUTDOWN_TIMEOUT="20s",
        QUARKUS_LOG_CONSOLE_LEVEL="WARN",
    )
    if name != "gateway":
        env["SPACEDUCK_DATABASE"] = f"{TAG}_{name.removesuffix('-service')}"
    unlimited = []
    for group in ("signup", "beak"):
        unlimited += [
            f"-Dspaceduck.gateway.rate-limits.groups.{group}.limit=50000000",
            f"-Dspaceduck.gateway.rate-limits.groups.{group}.burst=50000000",
        ]
    command = ["java", *os.environ["JAVA_OPTS"].split(), *unlimited, "-jar",
               f"{ROOT}/{name}/target/quarkus-app/quarkus-run.jar"]
    output = open(f"{WORK}/{name}.log", "a")
    process = subprocess.Popen(command, env=env, stdout=output, stderr=output)
    wait_ready(name, port, process)
    return process


def restart(processes, name, mark):
    """SIGTERM, as Kubernetes sends it, then a fresh start; marks when it is down and back."""
    processes[name].terminate()
    processes[name].wait(60)
    mark(f"{name} down")
    processes[name] = start_service(name)
    mark(f"{name} back")


def wait_ready(name, port, process):
    deadline = time.time() + 90
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"{name} exited during start-up; see its log in {WORK}")
        try:
            if call("GET", "/q/health/ready", port=port + 1000)[0] == 200:
                log(f"{name} ready on {port}")
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"{name} not ready after 90 s")


def call(method, path, body=None, headers=None, port=GATEWAY_PORT, connection=None):
    """One request; returns (status, headers, parsed body or None)."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    payload = json.dumps(body) if body is not None else None
    all_headers = {"Content-Type": "application/json"} if payload else {}
    all_headers.update(headers or {})
    try:
        connection.request(method, path, payload, all_headers)
        response = connection.getresponse()
        raw = response.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return response.status, dict(response.getheaders()), parsed
    finally:
        if own:
            connection.close()


class Load:
    """Worker threads that sign up new ducklings and read /beak/me with a Beak Key."""

    def __init__(self, key):
        self.key = key
        self.started = time.time()
        self.stop = threading.Event()
        self.answers = []  # (seconds from start, kind, status, has Retry-After)
        self.acknowledged = []  # duckling ids answered 201
        self.timeline = [(0.0, "steady")]  # (seconds from start, phase that begins)
        self.lock = threading.Lock()

    def mark(self, phase):
        with self.lock:
            self.timeline.append((self.elapsed(), phase))
        log(f"t={self.elapsed():4.1f}s {phase}")

    def elapsed(self):
        return time.time() - self.started

    def record(self, kind, status, headers):
        retry_after = any(name.lower() == "retry-after" for name in headers)
        with self.lock:
            self.answers.append((self.elapsed(), kind, status, retry_after))

    def send(self, connection, kind, method, path, body=None, headers=None):
        """Sends on the worker's keep-alive connection, opening a new one after a dropped one."""
        try:
            status, answer_headers, answer = call(method, path, body, headers, connection=connection[0])
        except (OSError, http.client.HTTPException):
            connection[0].close()
            connection[0] = http.client.HTTPConnection("127.0.0.1", GATEWAY_PORT, timeout=30)
            status, answer_headers, answer = 0, {}, None
        self.record(kind, status, answer_headers)
        return status, answer

    def signups(self, worker):
        connection = [http.client.HTTPConnection("127.0.0.1", GATEWAY_PORT, timeout=30)]
        count = 0
        while not self.stop.is_set():
            count += 1
            email = f"fault-{TAG}-{worker}-{count}@bench.test"
            status, body = self.send(
                connection, "signup", "POST", "/beak/signup", {"email": email, "password": PASSWORD})
            if status == 201:
                with self.lock:
                    self.acknowledged.append(body["duckling_id"])
            elif status == 503:
                time.sleep(0.2)

    def reads(self):
        connection = [http.client.HTTPConnection("127.0.0.1", GATEWAY_PORT, timeout=30)]
        while not self.stop.is_set():
            self.send(connection, "me", "GET", "/beak/me",
                      headers={"Authorization": f"Bearer {self.key}"})
            time.sleep(0.02)


def psql(database, query):
    result = subprocess.run(["psql", "-X", "-tA", "-d", database, "-c", query],
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def count_present(database, table, column, ids):
    if not ids:
        return 0
    values = ",".join(f"('{i}'::uuid)" for i in ids)
    return int(psql(database, f"select count(distinct t.{column}) from {table} t "
                              f"join (values {values}) v(id) on t.{column} = v.id"))


def phase_of(timeline, second):
    name = timeline[0][1]
    for start, phase in timeline:
        if second >= start:
            name = phase
    return name


def main():
    pg, redis = Relay(PG_PORT, 5432), Relay(REDIS_PORT, 6379)
    pg.start()
    redis.start()
    processes = {name: start_service(name) for name in SERVICES}
    try:
        run(pg, redis, processes)
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            process.wait(30)


def run(pg, redis, processes):
    email = f"fault-owner-{TAG}@bench.test"
    call("POST", "/beak/signup", {"email": email, "password": PASSWORD})
    token = call("POST", "/beak/signin", {"email": email, "password": PASSWORD})[2]["sd_token"]
    key = call("POST", "/beak/keys", {"name": "faults"},
               headers={"Authorization": f"Bearer {token}"})[2]["key"]

    load = Load(key)
    workers = [threading.Thread(target=load.signups, args=(n,)) for n in range(4)]
    workers += [threading.Thread(target=load.reads) for _ in range(4)]
    for worker in workers:
        worker.start()
    restarting = threading.Thread(target=restart, args=(processes, "identity-service", load.mark))
    actions = {8: pg.cut, 14: pg.restore, 24: redis.cut, 30: redis.restore, 40: restarting.start}
    for second, phase in SCHEDULE:
        time.sleep(max(0, second - load.elapsed()))
        load.mark(phase)
        actions[second]()
    restarting.join(90)
    time.sleep(AFTER_LAST)
    load.stop.set()
    for worker in workers:
        worker.join(60)

    acknowledged = list(load.acknowledged)
    stored = count_present(f"{TAG}_identity", "ducklings", "id", acknowledged)
    deadline = time.time() + 60
    certified = 0
    while time.time() < deadline:
        certified = count_present(f"{TAG}_cert", "certificates", "duckling_id", acknowledged)
        if certified == len(acknowledged):
            break
        time.sleep(1)
    report(load, acknowledged, stored, certified)


def report(load, acknowledged, stored, certified):
    timeline = sorted(load.timeline)
    starts = {phase: start for start, phase in timeline}
    table = collections.OrderedDict((phase, collections.Counter()) for _, phase in timeline)
    bad_5xx = 0
    late = 0
    for second, kind, status, retry_after in load.answers:
        phase = phase_of(timeline, second)
        table[phase][(kind, status)] += 1
        if status == 0 or (status >= 500 and not (status == 503 and retry_after)):
            bad_5xx += 1
        if status >= 500 and phase.endswith("back") and second >= starts[phase] + RECOVERED_WITHIN:
            late += 1

    checks = [
        (f"acknowledged sign-ups stored: {stored} of {len(acknowledged)}", stored == len(acknowledged)),
        (f"acknowledged sign-ups with a certificate within 60 s: {certified} of {len(acknowledged)}",
         certified == len(acknowledged)),
        (f"5xx answers other than 503 with Retry-After (or dropped connections): {bad_5xx}",
         bad_5xx == 0),
        (f"5xx answers from {RECOVERED_WITHIN} s after a dependency returned: {late}", late == 0),
    ]
    lines = [
        "# Faults under load",
        "",
        f"Produced by `bench/faults/run.sh` on {time.strftime('%Y-%m-%d', time.gmtime())}: gateway, "
        "identity-service and cert-service on 127.0.0.1, reaching PostgreSQL and Redis through "
        "relays that drop every connection and refuse new ones while a dependency is away; "
        "then identity-service is stopped with SIGTERM (20 s shutdown grace, as in its pod) and "
        "started again. "
        "4 threads sign up new ducklings, 4 read `GET /beak/me` with a Beak Key, all through the "
        "gateway.",
        "",
        "| phase | from | sign-up answers | /beak/me answers |",
        "|---|---|---|---|",
    ]
    for phase, counts in table.items():
        def cell(kind):
            parts = [f"{status or 'dropped'}: {n}" for (k, status), n in sorted(counts.items()) if k == kind]
            return ", ".join(parts) or "-"
        lines.append(f"| {phase} | {starts[phase]:.1f} s | {cell('signup')} | {cell('me')} |")
    lines += ["", "| check | result |", "|---|---|"]
    lines += [f"| {what} | {'PASS' if ok else 'FAIL'} |" for what, ok in checks]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "RESULTS.md"), "w") as out:
        out.write(text)
    log(text)
    if not all(ok for _, ok in checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
