"""Groups the execution samples of `jfr print --events jdk.ExecutionSample` by what the stack is
doing, first matching category from the top of this list; prints a Markdown table."""
import re
import sys
from collections import Counter

# (category, any frame whose method starts with one of these), in order of precedence.
CATEGORIES = [
    ("class loading and linking (JDK, Quarkus class loader)",
     ("java.lang.ClassLoader.defineClass", "java.lang.ClassLoader.loadClass", "jdk.internal.loader.",
      "io.quarkus.bootstrap.runner.RunnerClassLoader", "java.lang.Class.forName",
      "java.lang.invoke.", "java.lang.System$2.defineClass")),
    ("Flyway, Agroal, JDBC driver", ("org.flywaydb.", "io.agroal.", "org.postgresql.", "io.quarkus.flyway.",
                                      "io.quarkus.agroal.")),
    ("Hibernate ORM / Reactive boot", ("org.hibernate.", "io.quarkus.hibernate.")),
    ("Narayana JTA", ("com.arjuna.", "io.quarkus.narayana.")),
    ("JWT, keys, crypto", ("io.smallrye.jwt.", "org.jose4j.", "java.security.", "sun.security.",
                           "org.bouncycastle.", "com.spaceduck.identity.token.", "com.spaceduck.cert.credential.")),
    ("Password hasher (dummy hash at start)", ("com.spaceduck.identity.password.",)),
    ("Configuration (SmallRye Config)", ("io.smallrye.config.", "io.quarkus.runtime.configuration.")),
    ("OpenAPI document", ("io.smallrye.openapi.", "io.quarkus.smallrye.openapi.")),
    ("Micrometer", ("io.micrometer.", "io.quarkus.micrometer.")),
    ("Redis client", ("io.vertx.redis.", "io.quarkus.redis.")),
    ("Reactive PostgreSQL client, health check", ("io.vertx.pgclient.", "io.vertx.sqlclient.", "io.quarkus.reactive.")),
    ("Vert.x, Netty, HTTP server", ("io.vertx.", "io.netty.", "io.quarkus.vertx.")),
    ("RESTEasy Reactive, Jackson", ("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.",
                                   "com.fasterxml.jackson.")),
    ("Logging", ("org.jboss.logmanager.", "org.jboss.logging.", "io.quarkus.runtime.logging.")),
    ("CDI (ArC)", ("io.quarkus.arc.",)),
    ("Space Duck code", ("com.spaceduck.",)),
]


def main(path):
    samples, current, thread = [], [], None
    for line in open(path):
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            current, thread = [], None
        elif line.startswith("sampledThread"):
            m = re.search(r'"([^"]*)"', line)
            thread = m.group(1) if m else "?"
        elif re.match(r"^[\w$.<>/]+\(", line):
            current.append(line.split("(")[0])
        elif line == "}" and current:
            samples.append((thread or "?", current))
            current = []
    by_cat, by_thread = Counter(), Counter()
    for thread, frames in samples:
        by_thread["main" if thread == "main" else re.sub(r"[-\d]+$", "", thread)] += 1
        for name, prefixes in CATEGORIES:
            if any(f.startswith(prefixes) for f in frames):
                by_cat[name] += 1
                break
        else:
            by_cat["other (JDK, Quarkus start-up code)"] += 1
    total = len(samples) or 1
    print(f"{len(samples)} samples (10 ms each, Java threads only; JIT compiler threads are not sampled).")
    print()
    print("| what the stack is doing | samples | share |")
    print("|---|---|---|")
    for name, n in by_cat.most_common():
        print(f"| {name} | {n} | {100 * n // total}% |")
    print()
    print("Threads: " + ", ".join(f"{t} {n}" for t, n in by_thread.most_common(6)) + ".")


main(sys.argv[1])
