"""Redis loses the event stream while a consumer is down, as tried from outside:

  1. cert-service is stopped;
  2. ducklings sign up, and identity-service publishes their duckling.hatched events;
  3. Redis restarts without persistence (the dev overlay's Redis before it had AOF), so the
     stream and every consumer group are gone;
  4. cert-service starts again.

Every acknowledged sign-up must get its birth certificate, and none twice. Runs against a Redis
of its own on REDIS_PORT (started and restarted here, never the machine's); PostgreSQL directly.
Appends its section to RESULTS.md.
"""

import os
import subprocess
import sys
import time

import faults
from faults import PASSWORD, TAG, WORK, call, count_present, log, psql, start_service

REDIS_PORT = 16479
SIGNUPS = 50


def redis_server(action):
    if action == "start":
        subprocess.run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port",
                        str(REDIS_PORT), "--save", "", "--appendonly", "no",
                        "--pidfile", f"{WORK}/redis.pid", "--logfile", f"{WORK}/redis.log"],
                       check=True)
        deadline = time.time() + 10
        while time.time() < deadline:
            if redis_cli("PING") == "PONG":
                return
            time.sleep(0.1)
        sys.exit("the bench's Redis did not start")
    redis_cli("SHUTDOWN", "NOSAVE")
    time.sleep(0.5)


def redis_cli(*args):
    result = subprocess.run(["redis-cli", "-p", str(REDIS_PORT), *args], capture_output=True,
                            text=True)
    return result.stdout.strip()


def main():
    redis_server("start")
    start = lambda name: start_service(name, pg_port=5432, redis_port=REDIS_PORT)
    processes = {name: start(name) for name in faults.SERVICES}
    try:
        run(processes, start)
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            process.wait(30)
        redis_server("stop")


def run(processes, start):
    stream = f"bench:{TAG}:events"
    processes["cert-service"].terminate()
    processes["cert-service"].wait(60)
    log("cert-service stopped")

    acknowledged = []
    for n in range(SIGNUPS):
        status, _, body = call("POST", "/beak/signup",
                               {"email": f"loss-{TAG}-{n}@bench.test", "password": PASSWORD})
        if status == 201:
            acknowledged.append(body["duckling_id"])
    deadline = time.time() + 30
    while time.time() < deadline and unpublished() > 0:
        time.sleep(0.2)
    on_stream = int(redis_cli("XLEN", stream) or 0)
    log(f"{len(acknowledged)} sign-ups acknowledged, {on_stream} entries on the stream")

    redis_server("stop")
    redis_server("start")
    after_restart = int(redis_cli("XLEN", stream) or 0)
    log(f"Redis restarted without persistence: {after_restart} entries on the stream")

    restarted = time.time()
    processes["cert-service"] = start("cert-service")
    certified, converged = 0, None
    deadline = time.time() + 60
    while time.time() < deadline:
        certified = count_present(f"{TAG}_cert", "certificates", "duckling_id", acknowledged)
        if certified == len(acknowledged):
            converged = time.time() - restarted
            break
        time.sleep(0.5)
    duplicates = int(psql(f"{TAG}_cert", "select count(*) - count(distinct duckling_id)"
                                         " from certificates"))
    republished = sum(1 for line in open(f"{WORK}/identity-service.log")
                      if "publishing the" in line and "again" in line)
    report(len(acknowledged), on_stream, after_restart, certified, duplicates, republished,
           converged)


def unpublished():
    return int(psql(f"{TAG}_identity",
                    "select count(*) from event_outbox where published_at is null"))


def report(acknowledged, on_stream, after_restart, certified, duplicates, republished, converged):
    checks = [
        (f"acknowledged sign-ups with a certificate within 60 s of cert-service's start: "
         f"{certified} of {acknowledged}", certified == acknowledged),
        (f"ducklings with more than one certificate: {duplicates}", duplicates == 0),
        (f"stream losses noticed by identity-service's relay: {republished}", republished >= 1),
    ]
    took = f"{converged:.1f} s" if converged is not None else "not within 60 s"
    lines = [
        "",
        "## The stream lost while its consumer is down",
        "",
        f"`bench/faults/stream_loss.py` (run by `run.sh` after the scenario above): cert-service "
        f"stopped; {acknowledged} sign-ups through the gateway, whose `duckling.hatched` events "
        f"identity-service published ({on_stream} entries on the stream); Redis restarted without "
        f"persistence ({after_restart} entries left, no consumer group); cert-service started "
        f"again. Every certificate was there {took} after cert-service was launched "
        "(start-up included).",
        "",
        "| check | result |",
        "|---|---|",
    ]
    lines += [f"| {what} | {'PASS' if ok else 'FAIL'} |" for what, ok in checks]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(faults.HERE, "RESULTS.md"), "a") as out:
        out.write(text)
    log(text)
    if not all(ok for _, ok in checks):
        sys.exit(1)


if __name__ == "__main__":
    main()
