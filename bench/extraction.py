"""Benchmark: extraction speed and peak memory over the evaluation articles.

    .venv/bin/python bench/extraction.py [PATH.jsonl] [--command]
    .venv/bin/python bench/extraction.py --long

Runs the same entry point as `manage.py extract_events` in-process (or, with --command, the
command itself in a subprocess) over the dev file of the evaluation set, on one core, and
prints articles per second and peak resident memory. Targets: >= 100 articles/s, < 300 MB.

--long times the worst inputs instead: texts as long as the pipeline reads (MAX_CHARS) made of
nothing but place names, or of news words without a full stop, which a hostile or careless
import may hold (each mention is weighed against the others: a minute each before 2026-12-07).
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "eval" / "fakes-dev.jsonl"


def peak_mb(who=resource.RUSAGE_SELF):
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(who).ru_maxrss / 1024


def in_process(path):
    sys.path.insert(0, str(ROOT))
    from events.extraction import extract
    from events.extraction.actors import default_actors

    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    started = time.perf_counter()
    default_actors()
    try:
        from events.extraction.gazetteer import default_gazetteer

        default_gazetteer()
    except ImportError:
        pass
    loaded = time.perf_counter()
    cpu = time.process_time()
    events = 0
    for article in articles:
        events += len(
            extract(
                article.get("title") or "",
                article.get("text") or "",
                article.get("published"),
                source=article.get("source"),
            )
        )
    done = time.perf_counter()
    # CPU seconds as well: on a shared machine wall time also counts other people's work.
    return (
        len(articles),
        events,
        loaded - started,
        done - loaded,
        peak_mb(),
        time.process_time() - cpu,
    )


def as_command(path):
    started = time.perf_counter()
    env = {**os.environ, "DEBUG": os.environ.get("DEBUG", "1")}
    with open(os.devnull, "w") as sink:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "extract_events", "--jsonl", str(path)],
            stdout=sink,
            check=False,
            env=env,
        )
    elapsed = time.perf_counter() - started
    count = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = children.ru_utime + children.ru_stime
    return count, None, 0.0, elapsed, peak_mb(resource.RUSAGE_CHILDREN), cpu


def long_inputs():
    """[(what, characters, seconds)] for texts of MAX_CHARS that are all names or all words."""
    import csv
    import gzip
    import random

    sys.path.insert(0, str(ROOT))
    from events.extraction import extract
    from events.extraction.gazetteer import default_gazetteer
    from events.extraction.pipeline import MAX_CHARS

    default_gazetteer()
    with gzip.open(ROOT / "seeds" / "gazetteer" / "places.csv.gz", "rt", encoding="utf-8") as f:
        names = [row["name"] for row in csv.DictReader(f)]
    rng = random.Random(1)
    words = "Shelling hit the village of Kafr Tal Ain Deir al killed two".split()
    texts = {
        "place names, one line": ", ".join(rng.sample(names, 3000)),
        "news words, no full stop": " ".join(rng.choice(words) for _ in range(6000)),
        "a strike per line": "\n".join(
            f"Air strikes hit {name}, killing 3 civilians." for name in rng.sample(names, 1000)
        ),
    }
    timed = []
    for what, text in texts.items():
        text = text[:MAX_CHARS]
        started = time.perf_counter()
        extract("", text, "2018-07-13")
        timed.append((what, len(text), time.perf_counter() - started))
    return timed


def main(argv):
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    if "--long" in argv:
        for what, chars, seconds in long_inputs():
            print(f"{what}: {chars} characters, {seconds:.2f} s")
        return 0
    paths = [Path(a) for a in argv[1:] if not a.startswith("--")]
    path = paths[0] if paths else DEFAULT
    if not path.exists():
        print(f"bench: {path} not found (the evaluation set lives outside the repository)")
        return 2
    run = as_command if "--command" in argv else in_process
    articles, events, load, elapsed, memory, cpu = run(path)
    print(f"articles: {articles}")
    if events is not None:
        print(f"events: {events}")
        print(f"start-up (lexicons, gazetteer): {load:.2f} s")
    print(f"extraction: {elapsed:.2f} s, {articles / elapsed:.1f} articles/s")
    print(f"cpu time: {cpu:.2f} s, {articles / cpu:.1f} articles per cpu-second")
    print(f"peak memory: {memory:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
