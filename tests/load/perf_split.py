"""Splits a `perf record -a -g` of the load test's two sites into CPU per request by where it was spent.

usage: perf_split.py <personalized.script> <personalized requests> <plain.script> <plain requests>

Each .script file is `perf script --pid <site pid> -F comm,tid,ip,sym,dso` output. Both sites were recorded in the same
session while wrk alternated between them, so a slow spell of the machine lands on both and the difference per request
is the package's. Samples were taken at 999 Hz, so one sample stands for ~1 ms of one thread's CPU.
"""
import collections
import re
import sys

HZ = 999
PACKAGE = re.compile(r"\[UmbracoPersonalization\.(Web|Core|Persistence)\] ")
# The middleware's own frame wraps the whole request; the package's work is what it calls into.
MIDDLEWARE = re.compile(r"PersonalizationMiddleware(::InvokeAsync|\+<InvokeAsync>)")
REQUEST = re.compile(r"HttpProtocol.*ProcessRequests")
# SQLite's own frames often come without the managed frames that called them (the native code has no frame pointers,
# so the stack walk stops there): they are told by their library, and by the file reads and writes only SQLite makes.
WORKER = re.compile(r"EventIngestionWorker|sqlite3|libe_sqlite3|__libc_pwrite|__libc_pread|fdatasync")
SENDS = re.compile(r"SocketAsyncEngine|SocketAsyncContext")
# "instance void [UmbracoPersonalization.Web] UmbracoPersonalization.Web.X+<M>d__1::MoveNext()[OptimizedTier1]" -> "Web.X+<M>d__1::MoveNext"
METHOD = re.compile(r"\] (?:UmbracoPersonalization\.)?([\w.`+<>]+::[\w.`<>]+)")

CATEGORIES = [
    "request path (thread pool)",
    "  of which in the package's methods",
    "socket sends (thread pool)",
    "ingestion worker and SQLite",
    "other thread-pool work",
    "Server GC threads",
    "socket thread",
    "everything else (JIT, timers, ...)",
]


def samples(path):
    """Yields (thread name, frames leaf first) per sample."""
    comm, stack = None, []
    with open(path, errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if comm is not None:
                    yield comm, stack
                comm, stack = None, []
            elif not line.startswith((" ", "\t")):
                comm = line.rstrip().rsplit(None, 1)[0]
            else:
                parts = line.strip().split(None, 1)
                stack.append(parts[1] if len(parts) > 1 else "?")
    if comm is not None:
        yield comm, stack


def split(path, requests):
    per_request = 1e6 / HZ / requests
    totals, package = collections.Counter(), collections.Counter()
    for comm, stack in samples(path):
        if "Server GC" in comm:
            totals["Server GC threads"] += 1
        elif comm.startswith(".NET Sockets"):
            totals["socket thread"] += 1
        elif "TP Worker" not in comm:
            totals["everything else (JIT, timers, ...)"] += 1
        elif any(REQUEST.search(frame) for frame in stack):
            totals["request path (thread pool)"] += 1
            ours = [frame for frame in stack if PACKAGE.search(frame) and not MIDDLEWARE.search(frame)]
            if ours:
                totals["  of which in the package's methods"] += 1
                name = METHOD.search(ours[-1])
                package[name.group(1) if name else ours[-1][:100]] += 1
        elif any(WORKER.search(frame) for frame in stack):
            totals["ingestion worker and SQLite"] += 1
        elif any(SENDS.search(frame) for frame in stack):
            totals["socket sends (thread pool)"] += 1
        else:
            totals["other thread-pool work"] += 1
    scale = lambda counter: {key: value * per_request for key, value in counter.items()}
    return scale(totals), scale(package)


def main():
    personalized, personalized_package = split(sys.argv[1], float(sys.argv[2]))
    plain, plain_package = split(sys.argv[3], float(sys.argv[4]))
    print("\nCPU per request under perf (µs), both sites recorded together:\n")
    print("| where | personalized | plain | difference |")
    print("| --- | ---: | ---: | ---: |")
    total_personalized = total_plain = 0.0
    for category in CATEGORIES:
        a, b = personalized.get(category, 0.0), plain.get(category, 0.0)
        if not category.startswith("  "):
            total_personalized += a
            total_plain += b
        print(f"| {category} | {a:.1f} | {b:.1f} | {a - b:+.1f} |")
    print(f"| **total** | **{total_personalized:.1f}** | **{total_plain:.1f}** | **{total_personalized - total_plain:+.1f}** |")
    print("\nThe package's methods on the request path (outermost frame below the middleware), µs per request:\n")
    print("| method | personalized | plain |")
    print("| --- | ---: | ---: |")
    for method, value in sorted(personalized_package.items(), key=lambda item: -item[1])[:10]:
        print(f"| `{method}` | {value:.2f} | {plain_package.get(method, 0.0):.2f} |")


if __name__ == "__main__":
    main()
