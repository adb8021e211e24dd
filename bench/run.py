"""The scale benchmark (issue 5): a million synthetic incidents on PostgreSQL, and how fast the
list, the map data, the CSV export, the bulletin import and the map's first render are.

    make bench                                   # 1,000,000 events
    .venv/bin/python bench/run.py --events 100000 [--database-url URL] [--keep | --drop]
    .venv/bin/python bench/run.py --parts combos --seed 7 [--combos 40]

The database (by default a throwaway `conflictsite_bench` on the local PostgreSQL, or
$BENCH_DATABASE_URL) is created
if absent, migrated, and filled with synthetic incidents drawn from the real UCDP GED rows
(bench/synthetic.py); a later run that finds the same number of synthetic incidents reuses
them. Responses go through the whole Django stack in this process (django.test.Client), the
export and the browser through a real gunicorn on 127.0.0.1. Beside each response, the time
PostgreSQL itself spends on the request's queries (EXPLAIN ANALYZE of each SELECT the request
ran) shows what our stack adds. The random-combination measure draws --combos filters of one
to three kinds (governorate, district, place, group, actor, event type, status, source,
minimum toll, a date range that cuts months, date and location precision, period reports, a
map area, a word, an order: every filter the list has) with --seed (new each run unless
given) and times the list's first page, the country map, the histogram and the overview (its
data and its page) for each.
Prints one table and writes bench/results.json.
"""

import argparse
import datetime
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DEFAULT_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/conflictsite_bench"
)
RESULTS = ROOT / "bench" / "results.json"
CHROMIUM = "/usr/bin/chromium"
REPEATS = 20
COUNTRY = {"bbox": "35.4,32.2,42.6,37.4", "zoom": "7"}  # Syria, as the map first opens
TEXT_QUERY = "Saraqib"  # a town: what analysts search for
COMMON_QUERY = "hospital"  # in about one incident in ten: the worst case, measured shallow
LIST_P95_MS, MAP_P95_MS, MAP_BYTES, CSV_RATIO, RSS_GROWTH_MB, RENDER_S = (
    50,
    100,
    150_000,
    0.8,
    50,
    1.5,
)
CHART_P95_MS = 100  # the histogram and the overview
COMBOS = 40


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--repeats", type=int, default=REPEATS, help="requests per measure")
    keep = parser.add_mutually_exclusive_group()
    keep.add_argument(
        "--keep", action="store_true", default=True, help="keep the database (default)"
    )
    keep.add_argument("--drop", action="store_true", help="drop the database afterwards")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument(
        "--parts",
        default="list,map,combos,import,export,opendata,browser",
        help="what to measure (comma-separated)",
    )
    parser.add_argument("--reload", action="store_true", help="load new synthetic incidents")
    parser.add_argument("--combos", type=int, default=COMBOS, help="random filter combinations")
    parser.add_argument("--seed", type=int, help="of the combinations (default: a new one)")
    return parser.parse_args(argv)


def say(message):
    print(message, flush=True)


def ensure_database(url):
    """CREATE DATABASE when absent (connecting to the server's `postgres` maintenance db)."""
    import psycopg

    name = urllib.parse.urlparse(url).path.lstrip("/")
    admin = urllib.parse.urlparse(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            say(f"creating database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url):
    import psycopg

    name = urllib.parse.urlparse(url).path.lstrip("/")
    admin = urllib.parse.urlparse(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# --- data ---------------------------------------------------------------------------------


def prepare(args):
    from django.core.management import call_command
    from django.db import connection

    from events.models import Governorate, Incident
    from events.seeds import load_actors

    call_command("migrate", "--noinput", verbosity=0)
    if not Governorate.objects.exists():
        say("loading the gazetteer")
        call_command("load_gazetteer", verbosity=0)
        load_actors()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM events_incident")
        present = cursor.fetchone()[0]
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM events_report WHERE external_id LIKE 'bench-%%')"
        )
        synthetic = cursor.fetchone()[0]
    if present == args.events and synthetic and not getattr(args, "reload", False):
        say(f"reusing {present:,} synthetic incidents")
        return 0.0
    import synthetic as generator

    say(f"loading {args.events:,} synthetic incidents")
    started = time.perf_counter()
    generator.load(args.events, progress=say)
    assert Incident.objects.count() == args.events
    return time.perf_counter() - started


def scenarios():
    """Typical filters, chosen from the data: the busiest governorate and group, a year."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT governorate_id FROM events_incident WHERE governorate_id IS NOT NULL"
            " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        )
        governorate = cursor.fetchone()[0]
        cursor.execute(
            "SELECT perpetrator_group FROM events_incident WHERE perpetrator_group <> ''"
            " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        )
        group = cursor.fetchone()[0]
        cursor.execute(
            "SELECT latitude, longitude FROM events_incident WHERE latitude IS NOT NULL"
            " GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1"
        )
        lat, lon = cursor.fetchone()
        cursor.execute(
            "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY date) FROM events_incident"
            " WHERE status <> 'rejected'"
        )
        median = cursor.fetchone()[0]
    filters = {
        "all": {},
        f"province={governorate}": {"province": governorate},
        f"group={group}": {"group": group},
        "year=2018": {"date_from": "2018-01-01", "date_to": "2018-12-31"},
        f"q={TEXT_QUERY}": {"q": TEXT_QUERY},
        f"q={COMMON_QUERY}": {"q": COMMON_QUERY},
    }
    zoomed = {
        "bbox": f"{lon - 0.25:.4f},{lat - 0.15:.4f},{lon + 0.25:.4f},{lat + 0.15:.4f}",
        "zoom": "11",
    }
    return filters, zoomed, median


# --- measuring ----------------------------------------------------------------------------


def pg_time(captured):
    """PostgreSQL's planning + execution time (ms) for the SELECTs a request ran.

    The captured statements are what psycopg sent: Django binds parameters on the client, so
    each is the exact SQL that ran, safely quoted (unlike str(queryset.query)).
    """
    from django.db import connection

    total = 0.0
    with connection.cursor() as cursor:
        for query in captured:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH", "(")):
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            total += plan[0]["Planning Time"] + plan[0]["Execution Time"]
    return total


def measure(client, url, repeats):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # warm: connection, caches, the planner's statistics
        response = client.get(url, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="127.0.0.1")
        times.append((time.perf_counter() - started) * 1000)
    size = len(response.content)
    with CaptureQueriesContext(connection) as captured:
        client.get(url, HTTP_HOST="127.0.0.1")
    pg = statistics.median(pg_time(captured.captured_queries) for _ in range(3))
    return {
        "p50_ms": round(percentile(times, 0.5), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "bytes": size,
        "pg_ms": round(pg, 1),
        "queries": len(captured.captured_queries),
        "response": response,
    }


def deep_cursor(params, depth=10_000):
    """The cursor of the page that starts `depth` rows in, made as the view makes it."""
    from django.http import QueryDict

    from events.filters import IncidentFilter
    from events.models import Incident
    from events.pagination import encode_cursor

    query = QueryDict(mutable=True)
    query.update(params)
    incidents = IncidentFilter(query, queryset=Incident.objects.all())
    assert incidents.is_valid()
    row = incidents.qs.values_list("date", "id")[depth - 1 : depth].first()
    if row is None:
        return None
    return encode_cursor(incidents.chosen_order, "next", row[0], row[1])


def url_for(name, params):
    from django.urls import reverse

    return reverse(name) + ("?" + urllib.parse.urlencode(params) if params else "")


def bench_list(client, filters, repeats):
    results = []
    for label, params in filters.items():
        for depth in ("first page", "10,000 deep"):
            if depth != "first page" and params.get("q") == COMMON_QUERY:
                continue
            query = dict(params)
            if depth != "first page":
                cursor = deep_cursor(params)
                if cursor is None:
                    say(f"  list {label}: fewer than 10,000 rows, no deep page")
                    continue
                query["cursor"] = cursor
            result = measure(client, url_for("events:list", query), repeats)
            rows = result.pop("response").content.count(b'<tr class="incident')
            ok = result["p95_ms"] <= LIST_P95_MS
            results.append(
                {"measure": f"list {label}, {depth}", **result,
                 "target": f"p95 <= {LIST_P95_MS} ms", "pass": ok, "rows_seen": rows}
            )  # fmt: skip
            say(f"  {results[-1]['measure']}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms,"
                f" pg {result['pg_ms']} ms")  # fmt: skip
    return results


def bench_map(client, filters, zoomed, repeats):
    results = []
    for label, params in filters.items():
        for view, viewport in (("country", COUNTRY), ("zoomed", zoomed)):
            if view == "zoomed" and params.get("q") == COMMON_QUERY:
                continue
            result = measure(client, url_for("events:map_data", {**params, **viewport}), repeats)
            body = json.loads(result.pop("response").content)
            mode = body.get("mode")
            shown = len(body.get(mode, []))
            ok = result["p95_ms"] <= MAP_P95_MS and result["bytes"] <= MAP_BYTES
            results.append(
                {"measure": f"map {label}, {view}", **result, "mode": f"{shown} {mode}",
                 "target": f"p95 <= {MAP_P95_MS} ms, <= {MAP_BYTES // 1000} KB", "pass": ok}
            )  # fmt: skip
            say(
                f"  {results[-1]['measure']}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']}"
                f" ms, {result['bytes']:,} B ({shown} {mode}), pg {result['pg_ms']} ms"
            )
    return results


# --- random combinations of filters ---------------------------------------------------------


def draw_combinations(seed, count):
    """`count` query strings of one to three filters, each kind drawn with `seed`: what an
    analyst might ask, not what the counting tables were built for."""
    import random

    from django.db import connection

    from events.models import ActorGroup, Aggregates, EventType, ReviewStatus, Source

    rng = random.Random(seed)
    with connection.cursor() as cursor:
        cursor.execute("SELECT code FROM events_governorate ORDER BY code")
        governorates = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT pcode FROM events_district ORDER BY pcode")
        districts = [row[0] for row in cursor.fetchall()]
        # Places and actors as analysts meet them: drawn from incidents, so a busy one is
        # drawn more often than a quiet one.
        cursor.execute(
            "SELECT place_id FROM events_incident TABLESAMPLE SYSTEM (1) REPEATABLE (%s)"
            " WHERE place_id IS NOT NULL LIMIT 2000",
            [seed % 2**31],
        )
        places = sorted(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT actor_id FROM events_incident_perpetrators"
            " TABLESAMPLE SYSTEM (1) REPEATABLE (%s) LIMIT 2000",
            [seed % 2**31],
        )
        actors = sorted(row[0] for row in cursor.fetchall())
        # Words as the search rows hold them, drawn from the word counts: a common word is
        # on more points, so it is drawn more often.
        cursor.execute(
            "SELECT word FROM events_incidentword TABLESAMPLE SYSTEM (1) REPEATABLE (%s)"
            " WHERE word ~ '^[a-z]{4,}$' LIMIT 2000",
            [seed % 2**31],
        )
        words = sorted({row[0] for row in cursor.fetchall()})

    def date_range():
        start = datetime.date(2012, 1, 1) + datetime.timedelta(days=rng.randrange(4300))
        end = start + datetime.timedelta(days=rng.randrange(10, 900))
        return {"date_from": start.isoformat(), "date_to": end.isoformat()}

    def actor():
        # A third of the time as a party to the fighting too (?role=party).
        if not actors:
            return {}
        return {
            "actor": str(rng.choice(actors)),
            **({"role": "party"} if rng.random() < 1 / 3 else {}),
        }

    def area():
        # A box the map might show: a tenth of a degree to two degrees wide, in Syria.
        width = 10 ** rng.uniform(-1, 0.3)
        west, south = rng.uniform(35.7, 42.0 - width), rng.uniform(32.3, 37.3 - width / 1.3)
        box = (west, south, west + width, south + width / 1.3)
        return {"area": ",".join(f"{v:.4f}" for v in box)}

    kinds = {
        "province": lambda: {"province": rng.choice(governorates)},
        # A third of the time as a party to the fighting too (?role=party).
        "group": lambda: {
            "group": rng.choice(ActorGroup.values),
            **({"role": "party"} if rng.random() < 1 / 3 else {}),
        },
        "event_type": lambda: {"event_type": rng.choice(EventType.values)},
        "status": lambda: {"status": rng.choice(ReviewStatus.values)},
        "source": lambda: {"source": rng.choice(Source.values)},
        # Log-uniform from 1 to about 200: most tolls are small.
        "min_killed": lambda: {"min_killed": str(int(10 ** rng.uniform(0, 2.3)))},
        "dates": date_range,
        "q": lambda: {"q": rng.choice(words)},
        # The filters the counting tables were not built for.
        "district": lambda: {"district": rng.choice(districts)},
        "place": lambda: {"place": str(rng.choice(places))} if places else {},
        "actor": actor,
        "date_precision": lambda: {"date_precision": rng.choice(["day", "week", "month"])},
        "geo_precision": lambda: {
            "geo_precision": rng.choice(["place", "district", "governorate"])
        },
        "aggregates": lambda: {"aggregates": rng.choice(Aggregates.values)},
        "area": area,
        "order": lambda: {"order": rng.choice(["date", "-killed", "killed"])},
    }
    combinations = []
    for _ in range(count):
        query = {}
        for kind in rng.sample(sorted(kinds), rng.randint(1, 3)):
            query.update(kinds[kind]())
        combinations.append(query)
    return combinations


def time_requests(client, url, repeats):
    """The median milliseconds of `repeats` requests (after one to warm), and the last body."""
    response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="127.0.0.1")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), response


def bench_combinations(client, seed, count, repeats):
    """For each combination, the list's first page, the country map, the histogram and the
    overview; the p95 over combinations of each one's median, and the worst combination."""
    combinations = draw_combinations(seed, count)
    endpoints = {
        "list first page": ("events:list", {}, LIST_P95_MS),
        "map data, country": ("events:map_data", COUNTRY, MAP_P95_MS),
        "histogram": ("events:histogram", {}, CHART_P95_MS),
        "overview": ("events:overview_data", {}, CHART_P95_MS),
        # The page itself: the same counts, labelled, linked and drawn (about a thousand figures).
        "overview page": ("events:overview", {}, CHART_P95_MS),
    }
    timings = {name: [] for name in endpoints}
    empty = []
    for number, query in enumerate(combinations, 1):
        for name, (url_name, extra, _) in endpoints.items():
            ms, response = time_requests(client, url_for(url_name, {**query, **extra}), repeats)
            timings[name].append((ms, query))
            if url_name == "events:histogram":
                matched = json.loads(response.content)["total"]["count"]
        empty.append(matched == 0)
        say(f"  {number:>2}. {urllib.parse.urlencode(query)}: {matched:,} incidents; "
            + ", ".join(f"{name} {timings[name][-1][0]:.0f} ms" for name in endpoints))  # fmt: skip
    results = []
    for name, (_, _, target) in endpoints.items():
        values = [ms for ms, _ in timings[name]]
        worst_ms, worst = max(timings[name], key=lambda pair: pair[0])
        none = [ms for (ms, _), is_empty in zip(timings[name], empty, strict=True) if is_empty]
        p95 = percentile(values, 0.95)
        results.append(
            {"measure": f"{len(combinations)} random combinations (seed {seed}), {name}",
             "p50_ms": round(percentile(values, 0.5), 1), "p95_ms": round(p95, 1),
             "worst_ms": round(worst_ms, 1), "worst": urllib.parse.urlencode(worst),
             "empty": len(none),
             "empty_p95_ms": round(percentile(none, 0.95), 1) if none else None,
             "target": f"p95 <= {target} ms", "pass": p95 <= target}
        )  # fmt: skip
    return results


# --- the export and the browser through gunicorn ------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn, one worker process (threads for the browser's parallel requests)."""

    def __init__(self, env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [str(gunicorn), "conflictsite.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", "1", "--threads", "4", "--timeout", "600"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/events/histogram/?province=none", timeout=2)
            except urllib.error.HTTPError:
                break  # 400 for the bad filter: up
            except OSError:
                time.sleep(0.1)
                continue
            break
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        self.worker = int(children.read_text().split()[0])

    def rss_mb(self):
        for line in Path(f"/proc/{self.worker}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def fetch_export(server, params):
    """(seconds, bytes, peak RSS of the worker in MB) for one CSV download."""
    peak = [server.rss_mb()]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], server.rss_mb())
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    size = 0
    with urllib.request.urlopen(server.url + url_for("events:export", params), timeout=600) as r:
        while chunk := r.read(1 << 20):
            size += len(chunk)
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    return elapsed, size, peak[0]


def psql_copy(database_url, params):
    """Seconds for psql to COPY the same rows (the export's own statement) to /dev/null."""
    from django.http import QueryDict

    from events import export
    from events.filters import IncidentFilter
    from events.models import Incident

    query = QueryDict(mutable=True)
    query.update(params)
    incidents = IncidentFilter(query, queryset=Incident.objects.all())
    assert incidents.is_valid()
    rows = incidents.qs.count()
    statement = export.copy_sql(incidents.qs, "http://127.0.0.1/events/")
    with open(os.devnull, "wb") as sink:
        started = time.perf_counter()
        subprocess.run(["psql", "-X", "-q", database_url, "-c", statement], stdout=sink, check=True)
    return time.perf_counter() - started, rows


def bench_export(server, database_url, median_date):
    results = []
    baseline = server.rss_mb()
    for label, params in (("all rows", {}), ("half (date_from)", {"date_from": str(median_date)})):
        runs = [fetch_export(server, params) for _ in range(2)]
        copies = [psql_copy(database_url, params) for _ in range(2)]
        rows = copies[0][1]
        seconds = statistics.median(r[0] for r in runs)
        psql_seconds = statistics.median(c[0] for c in copies)
        peak = max(r[2] for r in runs)
        ratio = psql_seconds / seconds
        growth = peak - baseline
        ok = ratio >= CSV_RATIO and growth <= RSS_GROWTH_MB
        results.append(
            {"measure": f"CSV export, {label}", "rows": rows, "bytes": runs[0][1],
             "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds),
             "psql_rows_per_s": round(rows / psql_seconds), "ratio": round(ratio, 2),
             "rss_baseline_mb": round(baseline), "rss_peak_mb": round(peak),
             "target": f">= {CSV_RATIO} x psql COPY, RSS growth <= {RSS_GROWTH_MB} MB",
             "pass": ok}
        )  # fmt: skip
        say(f"  export {label}: {rows:,} rows in {seconds:.2f} s ({rows / seconds:,.0f}/s),"
            f" psql {rows / psql_seconds:,.0f}/s, ratio {ratio:.2f},"
            f" RSS {baseline:.0f} -> {peak:.0f} MB")  # fmt: skip
    return results


def bench_browser(server, runs=5):
    if not os.path.exists(CHROMIUM):
        say(f"  {CHROMIUM} is missing: map first render not measured")
        return [{"measure": "map first render (Chromium)", "skipped": f"{CHROMIUM} missing",
                 "target": f"<= {RENDER_S} s", "pass": None}]  # fmt: skip
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        for _ in range(runs + 1):  # the first one warms the server
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.route("**/*.tile.openstreetmap.org/**", lambda route: route.abort())
            page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
            page.goto(server.url + url_for("events:map", {}), wait_until="commit")
            page.locator(".cell-icon, path.incident-marker").first.wait_for(timeout=60_000)
            # Milliseconds since the navigation started (performance.timeOrigin).
            times.append(page.evaluate("performance.now()") / 1000)
            context.close()
        browser.close()
    times = times[1:]
    p50 = statistics.median(times)
    say(f"  map first render: p50 {p50:.2f} s, max {max(times):.2f} s over {runs} cold loads")
    return [{"measure": "map first render (Chromium)", "p50_s": round(p50, 2),
             "max_s": round(max(times), 2), "target": f"p50 <= {RENDER_S} s",
             "pass": p50 <= RENDER_S}]  # fmt: skip


# --- bulletin import ----------------------------------------------------------------------


def synthetic_bulletins(count, seed=7):
    """(name, bytes) uploads: plain-text bulletins written from templates, real place names."""
    import random

    import synthetic as generator

    from events.models import EventType, Place

    rng = random.Random(seed)
    places = list(
        Place.objects.filter(population__gte=5000).values_list("name", "governorate__name")
    ) or list(Place.objects.values_list("name", "governorate__name")[:500])
    kinds = [k for k in EventType if k != EventType.OTHER]
    groups = list(generator.GROUP_WORDS)
    uploads = []
    for i in range(count):
        day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(1500))
        events = []
        for _ in range(rng.randint(1, 3)):
            place, governorate = rng.choice(places)
            events.append((rng.choice(kinds), place, governorate, rng.choice(groups),
                           rng.choice([0, 1, 2, 3, 5, 8, 12, 20])))  # fmt: skip
        kind, place = events[0][0], events[0][1]
        title = f"{EventType(kind).label} in {place} kills {events[0][4]} (bulletin {i})"
        body = generator.bulletin_text(rng, day, events)
        text = f"{day:%d %B %Y}\n\n{title}\n\n{body}\n"
        uploads.append((f"bench-{i}.txt", text.encode()))
    return uploads


def bench_import(count=200):
    from django.db import transaction

    from events.importing import import_uploads

    uploads = synthetic_bulletins(count + 1)
    with transaction.atomic():
        started = time.perf_counter()
        import_uploads(uploads[:1])  # loads the lexicons and the gazetteer
        warm = time.perf_counter() - started
        started = time.perf_counter()
        results = import_uploads(uploads[1:])
        elapsed = time.perf_counter() - started
        created = sum(r.status == "created" for r in results)
        incidents = sum(len(r.incidents) for r in results)
        transaction.set_rollback(True)  # the benchmark's database keeps exactly N incidents
    rate = count / elapsed
    say(f"  import: {count} bulletins ({created} created, {incidents} incidents) in"
        f" {elapsed:.2f} s = {rate:.1f} bulletins/s (start-up {warm:.2f} s)")  # fmt: skip
    return [{"measure": "bulletin import (extraction included)", "bulletins": count,
             "created": created, "incidents": incidents, "seconds": round(elapsed, 2),
             "bulletins_per_s": round(rate, 1), "startup_s": round(warm, 2),
             "target": "(reported)", "pass": None}]  # fmt: skip


# --- the table ----------------------------------------------------------------------------


def figure(result):
    if "worst" in result:
        empty = (
            f"; {result['empty']} empty, p95 {result['empty_p95_ms']} ms"
            if result["empty"] else ""
        )  # fmt: skip
        return (f"p50 {result['p50_ms']:>6} ms  p95 {result['p95_ms']:>6} ms{empty};"
                f" worst {result['worst_ms']} ms: {result['worst']}")  # fmt: skip
    if "p50_ms" in result:
        text = f"p50 {result['p50_ms']:>6} ms  p95 {result['p95_ms']:>6} ms"
        text += f"  pg {result['pg_ms']:>6} ms"
        if result["measure"].startswith("map"):
            text += f"  {result['bytes'] / 1000:6.1f} KB  {result['mode']}"
        return text
    if "rows_per_s" in result and "psql_rows_per_s" not in result:  # bench/open_data.py
        return (f"{result['rows']:,} rows {result['rows_per_s']:,}/s;"
                f" RSS {result['rss_baseline_mb']}->{result['rss_peak_mb']} MB")  # fmt: skip
    if "rows_per_s" in result:
        return (f"{result['rows']:,} rows {result['rows_per_s']:,}/s vs psql"
                f" {result['psql_rows_per_s']:,}/s = {result['ratio']}x;"
                f" RSS {result['rss_baseline_mb']}->{result['rss_peak_mb']} MB")  # fmt: skip
    if "bulletins_per_s" in result:
        return f"{result['bulletins_per_s']} bulletins/s ({result['incidents']} incidents)"
    if "p50_s" in result:
        return f"p50 {result['p50_s']} s  max {result['max_s']} s"
    return result.get("skipped", "")


def table(results):
    width = max(len(r["measure"]) for r in results)
    lines = []
    for r in results:
        verdict = {True: "PASS", False: "FAIL", None: "-"}[r["pass"]]
        lines.append(f"{r['measure']:<{width}}  {figure(r):<78}  {r['target']:<40} {verdict}")
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflictsite.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789abcdefghijklmnop")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ["BROWSING_REQUIRES_LOGIN"] = "0"
    ensure_database(args.database_url)
    import django

    django.setup()
    from django.test import Client

    load_seconds = prepare(args)
    filters, zoomed, median = scenarios()
    client = Client()
    parts = set(args.parts.split(","))
    results = []
    if "list" in parts:
        say("list")
        results += bench_list(client, filters, args.repeats)
    if "map" in parts:
        say("map data")
        results += bench_map(client, filters, zoomed, args.repeats)
    if "combos" in parts:
        seed = args.seed if args.seed is not None else int(time.time()) % 100_000
        say(f"random combinations (seed {seed})")
        results += bench_combinations(client, seed, args.combos, max(3, args.repeats // 4))
    if "import" in parts:
        say("bulletin import")
        results += bench_import()
    say("export and browser (gunicorn)")
    server = Server(dict(os.environ))
    try:
        if "export" in parts:
            results += bench_export(server, args.database_url, median)
        if "opendata" in parts:
            from open_data import bench_opendata  # bench/open_data.py: GeoJSON, OGC items

            results += bench_opendata(server, median, say)
        if "browser" not in parts:
            pass
        elif args.skip_browser:
            results.append({"measure": "map first render (Chromium)", "skipped": "--skip-browser",
                            "target": f"<= {RENDER_S} s", "pass": None})  # fmt: skip
        else:
            results += bench_browser(server)
    finally:
        server.stop()
    command = "bench/run.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print()
    print(f"conflictsite bench: {args.events:,} incidents on PostgreSQL ({command.strip()})")
    print(table(results))
    RESULTS.write_text(
        json.dumps(
            {"events": args.events, "command": command.strip(),
             "finished": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
             "load_seconds": round(load_seconds, 1), "cpus": os.cpu_count(),
             "results": results},
            indent=2, default=str,
        )
    )  # fmt: skip
    if args.drop:
        from django.db import connections

        connections.close_all()
        drop_database(args.database_url)
    failed = [r["measure"] for r in results if r["pass"] is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
