#!/usr/bin/env python3
"""Publishes agent.registered events for one duckling straight onto the platform stream, as
identity-service's outbox relay would (XADD <stream> * event <envelope>), at a steady rate.

  publish.py HOST PORT STREAM DUCKLING_ID COUNT RATE_PER_S
Prints the seconds publishing took."""
import datetime
import json
import socket
import sys
import threading
import time
import uuid

host, port, stream, duckling, count, rate = sys.argv[1:7]
count, rate = int(count), float(rate)
sock = socket.create_connection((host, int(port)))


def drain():
    # Replies are stream entry ids; read them so the socket never fills.
    while sock.recv(65536):
        pass


threading.Thread(target=drain, daemon=True).start()


def resp(*parts):
    out = [b"*%d\r\n" % len(parts)]
    for p in parts:
        b = p.encode()
        out.append(b"$%d\r\n%s\r\n" % (len(b), b))
    return b"".join(out)


start = time.monotonic()
batch = max(1, int(rate / 100))  # send every 10 ms
sent = 0
while sent < count:
    chunk = []
    for _ in range(min(batch, count - sent)):
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="microseconds")
        now = now.replace("+00:00", "Z")
        agent = str(uuid.uuid4())
        # The subject is the agent, as identity-service's AgentService appends it.
        event = {
            "id": str(uuid.uuid4()),
            "type": "agent.registered",
            "occurred_at": now,
            "subject": agent,
            "data": {"agent_id": agent, "duckling_id": duckling, "name": "bench"},
            "version": 1,
        }
        chunk.append(resp("XADD", stream, "*", "event", json.dumps(event, separators=(",", ":"))))
        sent += 1
    sock.sendall(b"".join(chunk))
    due = start + sent / rate
    pause = due - time.monotonic()
    if pause > 0:
        time.sleep(pause)
print("%.2f" % (time.monotonic() - start))
