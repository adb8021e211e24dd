"""The load run (issue 7): the site under gunicorn on PostgreSQL, analysts and editors at once
for a bounded time, then a check that the database is consistent.

    make load                                          # 60 s, 6 analysts, 2 editors
    .venv/bin/python bench/load.py --seconds 30 --analysts 4 --editors 2 [--keep]

A throwaway database (conflictsite_load_<pid> on the local PostgreSQL) is created, migrated
and seeded (the gazetteer, the actors, the sample bulletins and --events synthetic incidents
from bench/synthetic.py), and dropped afterwards unless --keep. gunicorn serves it on a free
port of 127.0.0.1, and every request goes there: analysts read the list, the map data, the
histogram, the CSV export and detail pages with random filters; editors log in to the admin,
import generated bulletins through the import page and edit incidents through the change
form (two editors on the same few incidents, so the version check refuses some saves: that is
counted, not an error). Each editor also uploads one large JSONL file, which the task worker
(started beside gunicorn) imports in the background while the editor watches its progress page.
Once the editors are logged in, flooders hammer the login page with wrong passwords (a real
account and made-up ones): django-axes locks them out (429) and the other pages stay fast.
Prints the p50/p95/max per endpoint and the errors, writes out/load.json, and exits 1 on any
error or inconsistency (the right password refused after the flood, a background import not
finished exactly once included).
"""

import argparse
import datetime
import html.parser
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import drop_database, ensure_database, free_port, percentile  # noqa: E402

RESULTS = ROOT / "out" / "load.json"
PASSWORD = "load-test-only-password-7f3a"
COUNTRY = "35.4,32.2,42.6,37.4"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--analysts", type=int, default=6)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--flooders", type=int, default=2, help="clients flooding the login")
    parser.add_argument(
        "--large", type=int, default=150, help="bulletins in each editor's large upload"
    )
    parser.add_argument("--events", type=int, default=5000, help="synthetic incidents")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--database", default=f"conflictsite_load_{os.getpid()}", help="the throwaway database"
    )
    return parser.parse_args(argv)


def say(message):
    print(message, flush=True)


class Stats:
    """Latencies and errors per endpoint, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = defaultdict(list)
        self.counts = defaultdict(int)  # Outcomes that are not errors, e.g. refused saves.

    def record(self, endpoint, seconds, error=None):
        with self.lock:
            self.times[endpoint].append(seconds)
            if error:
                self.errors[endpoint].append(error)

    def note(self, what):
        with self.lock:
            self.counts[what] += 1


def request(opener, stats, endpoint, url, data=None, headers=None, expect=(200,)):
    """One timed request; a status outside `expect` or a network error is recorded as an error."""
    started = time.perf_counter()
    try:
        response = opener.open(urllib.request.Request(url, data=data, headers=headers or {}))
        status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    except OSError as error:
        stats.record(endpoint, time.perf_counter() - started, f"{type(error).__name__}: {error}")
        return None, b""
    seconds = time.perf_counter() - started
    stats.record(endpoint, seconds, None if status in expect else f"{status} {url}")
    return status, body


# The Location of each thread's last redirect (a background import's progress page).
LAST_LOCATION = {}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        LAST_LOCATION[threading.get_ident()] = urllib.parse.urlsplit(newurl).path
        return None  # A 302 after a save is the answer itself.


def session():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    return opener, jar


def csrf(jar):
    return next(c.value for c in jar if c.name == "csrftoken")


class FormReader(html.parser.HTMLParser):
    """The (name, value) pairs a browser would submit for the form with the given id."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.pairs = form_id, False, []
        self.select, self.options, self.textarea = None, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.pairs.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select, self.options = (name, "multiple" in attrs), []
        elif tag == "option" and self.select:
            self.options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            (name, multiple), options = self.select, self.options
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]
            self.pairs += [(name, value) for value in chosen]
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.pairs.append(tuple(self.textarea))
            self.textarea = None


def form_pairs(body, form_id):
    reader = FormReader(form_id)
    reader.feed(body.decode())
    return reader.pairs


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, filename, data in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def guarded(role):
    """A client thread that records its own crash as an error rather than dying silently."""

    def run(base, stats, stop, *args):
        try:
            role(base, stats, stop, *args)
        except Exception as error:  # noqa: BLE001 - any crash is one error of the run
            stats.record(role.__name__, 0, f"{role.__name__} crashed: {error!r}")
            if role.__name__ == "editor":
                return  # The run goes on with the others.

    return run


def analyst(base, stats, stop, rng, choices):
    opener, _ = session()
    while not stop.is_set():
        filters = {}
        if rng.random() < 0.5:
            filters["province"] = rng.choice(choices["provinces"])
        if rng.random() < 0.3:
            filters["event_type"] = rng.choice(choices["event_types"])
        if rng.random() < 0.3:
            filters["order"] = rng.choice(["-date", "date", "-killed", "killed"])
        if rng.random() < 0.2:
            filters["q"] = rng.choice(["hospital", "market", "school", "airstrike"])
        query = urllib.parse.urlencode(filters)
        endpoint = rng.choices(
            ["list", "map data", "histogram", "export", "detail"], weights=[4, 4, 2, 1, 3]
        )[0]
        if endpoint == "list":
            request(opener, stats, endpoint, f"{base}/events/?{query}")
        elif endpoint == "map data":
            bbox = rng.choice([COUNTRY, "36.0,35.5,37.5,36.6", "40.0,34.5,41.0,35.5"])
            request(opener, stats, endpoint, f"{base}/events/map/data/?{query}&bbox={bbox}")
        elif endpoint == "histogram":
            request(opener, stats, endpoint, f"{base}/events/histogram/?{query}")
        elif endpoint == "export":
            filters.setdefault("province", rng.choice(choices["provinces"]))
            request(opener, stats, endpoint, f"{base}/events/export.csv?{urlencode(filters)}")
        else:
            request(opener, stats, endpoint, f"{base}/events/{rng.choice(choices['ids'])}/")


def urlencode(filters):
    return urllib.parse.urlencode(filters)


class Gate:
    """Opens when every editor has logged in (the flood would lock their address out)."""

    def __init__(self, count):
        self.left, self.lock, self.open = count, threading.Lock(), threading.Event()
        if count <= 0:
            self.open.set()

    def arrive(self):
        with self.lock:
            self.left -= 1
            if self.left <= 0:
                self.open.set()


def editor(base, stats, stop, rng, username, uploads, contested, gate, large):
    opener, jar = session()
    try:
        request(opener, stats, "admin login", f"{base}/admin/login/")
        body = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf(jar),
             "next": "/admin/"}
        ).encode()  # fmt: skip
        request(opener, stats, "admin login", f"{base}/admin/login/", body, expect=(302,))
    finally:
        gate.arrive()
    job = upload_large(opener, jar, stats, base, username, large) if large else None
    while not stop.is_set():
        if job and rng.random() < 0.1:
            request(opener, stats, "admin import progress", job)
            continue
        if rng.random() < 0.4 and uploads:
            files = []
            for _ in range(2):
                try:
                    files.append(uploads.pop())
                except IndexError:  # The other editor took the last one.
                    break
            import_bulletins(opener, jar, stats, base, files)
        else:
            edit_incident(opener, jar, stats, base, rng, rng.choice(contested))


def upload_large(opener, jar, stats, base, username, uploads):
    """One JSONL file of many bulletins: the import page sends it to the background and
    answers with its progress page (a 302), whose address is returned."""
    lines = []
    for _, data in uploads:
        _, title, body = data.decode().split("\n\n", 2)
        lines.append(json.dumps({"title": title, "text": body, "source": "Load"}))
    url = f"{base}/admin/events/bulletin/import/"
    request(opener, stats, "admin import page", url)
    payload = "\n".join(lines).encode()
    data, content_type = multipart(
        [("csrfmiddlewaretoken", csrf(jar))], [("files", f"{username}-large.jsonl", payload)]
    )
    headers = {"Content-Type": content_type, "Referer": url}
    status, _ = request(opener, stats, "admin large upload", url, data, headers, expect=(302,))
    stats.note(f"large uploads sent ({len(payload) // 1024} KB, {len(lines)} bulletins)")
    if status != 302:
        return None
    return base + LAST_LOCATION.get(threading.get_ident(), "")


def flooder(base, stats, stop, rng, gate):
    """Wrong passwords, as fast as the server answers, for a real account and made-up ones."""
    gate.open.wait(timeout=120)
    opener, jar = session()
    url = f"{base}/accounts/login/"
    request(opener, stats, "login page", url)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": url}
    while not stop.is_set():
        username = "target" if rng.random() < 0.5 else f"nobody{rng.randrange(10**6)}"
        body = urllib.parse.urlencode(
            {"username": username, "password": f"guess-{rng.randrange(10**9)}",
             "csrfmiddlewaretoken": csrf(jar)}
        ).encode()  # fmt: skip
        status, _ = request(opener, stats, "login flood", url, body, headers, expect=(200, 429))
        stats.note("login flood: locked out (429)" if status == 429 else "login flood: refused")


def right_password_after_the_flood(base):
    """The flooded account's right password, from a new session, once it has had as many wrong
    ones as the lockout allows (however few the flood managed): locked out means 429."""
    from django.conf import settings

    opener, jar = session()
    url = f"{base}/accounts/login/"
    opener.open(url).read()
    status = None
    for password in [f"wrong-{n}" for n in range(settings.AXES_FAILURE_LIMIT)] + [PASSWORD]:
        body = urllib.parse.urlencode(
            {"username": "target", "password": password, "csrfmiddlewaretoken": csrf(jar)}
        ).encode()
        attempt = urllib.request.Request(url, data=body, headers={"Referer": url})
        try:
            status = opener.open(attempt).status
        except urllib.error.HTTPError as error:
            status = error.code
    return status


def import_bulletins(opener, jar, stats, base, files):
    url = f"{base}/admin/events/bulletin/import/"
    status, _ = request(opener, stats, "admin import page", url)
    fields = [("csrfmiddlewaretoken", csrf(jar))]
    data, content_type = multipart(fields, [("files", name, data) for name, data in files])
    headers = {"Content-Type": content_type, "Referer": url}
    status, body = request(opener, stats, "admin import POST", url, data, headers)
    if status == 200 and b"Import results" not in body:
        stats.record("admin import POST", 0, "no results page")


def edit_incident(opener, jar, stats, base, rng, pk):
    url = f"{base}/admin/events/incident/{pk}/change/"
    status, body = request(opener, stats, "admin change form", url)
    if status != 200:
        return
    pairs = [(k, v) for k, v in form_pairs(body, "incident_form") if k != "_save"]
    fields = dict(pairs)
    changes = {"title": (fields.get("title") or "Incident")[:280] + " ·", "change_reason": "load"}
    if rng.random() < 0.5:
        # Figures typed by hand are kept as the editor's: figures_edited goes with them. The
        # dead in all are raised to hold the civilians typed, as the form asks an editor to.
        civilians = rng.randint(0, 40)

        def number(name):
            value = (fields.get(name) or "").strip()
            return int(value) if value.isdigit() else None

        combatants = number("killed_combatants_best") or 0
        total = max(number("killed_total_best") or 0, civilians + combatants)
        low, high = number("killed_total_low"), number("killed_total_high")
        changes.update(
            figures_edited="on",
            killed_civilians_best=str(civilians),
            killed_total_best=str(total),
            killed_total_low=str(min(low, total)) if low is not None else "",
            killed_total_high=str(max(high, total)) if high is not None else "",
        )
    pairs = [(k, v) for k, v in pairs if k not in changes] + list(changes.items())
    pairs += [("csrfmiddlewaretoken", csrf(jar)), ("_save", "Save")]
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": url}
    data = urllib.parse.urlencode(pairs).encode()
    status, body = request(opener, stats, "admin change POST", url, data, headers, (200, 302))
    if status == 302:
        stats.note("edits saved")
    elif status == 200 and b"after you opened it" in body:
        stats.note("edits refused: another editor saved first")
    elif status == 200:
        errors = re.findall(rb'class="errorlist[^"]*"[^>]*>(.*?)</ul>', body, re.S)[:3]
        stats.record("admin change POST", 0, f"form errors on #{pk}: {errors}")


def prepare(args):
    import synthetic
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from events.models import EventType, Governorate, Incident

    call_command("migrate", "--noinput", verbosity=0)
    say("seeding: gazetteer, actors, sample bulletins")
    call_command("load_seeds", "--skip-datasets", verbosity=0)
    say(f"seeding: {args.events:,} synthetic incidents")
    synthetic.load(args.events, progress=lambda message: None)
    for n in range(args.editors):
        User.objects.create_superuser(f"editor{n}", f"editor{n}@example.org", PASSWORD)
    User.objects.create_user("target", password=PASSWORD)  # the flood's real account
    # The generator copies only some figures to each incident; derive them from its reports as
    # an import would, so that the check afterwards holds every incident to the rule.
    for incident in Incident.objects.filter(figures_edited=False, reports__isnull=False).distinct():
        incident.derive_from_reports(save=True)
    ids = list(Incident.objects.values_list("pk", flat=True))
    return {
        "provinces": list(Governorate.objects.values_list("code", flat=True)),
        "event_types": list(EventType.values),
        "ids": ids,
    }


def generated_bulletins(count, seed):
    """Plain-text bulletins with real place names, each unique (bench/run.py's generator)."""
    from run import synthetic_bulletins

    uploads = synthetic_bulletins(count, seed=seed)
    return [(f"load-{name}", data) for name, data in uploads]


class Server:
    def __init__(self, env, workers):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(ROOT / "out" / "load-gunicorn.log", "w")  # noqa: SIM115
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [str(gunicorn), "conflictsite.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--timeout", "120"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
        )  # fmt: skip
        for _ in range(300):
            try:
                urllib.request.urlopen(self.url + "/events/histogram/", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None:
                    raise SystemExit("gunicorn did not start; see out/load-gunicorn.log") from None
                time.sleep(0.1)
        raise SystemExit("gunicorn did not answer in 30 s")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


class TaskWorker:
    """The background-import worker, as `make serve` runs it."""

    def __init__(self, env):
        self.log = open(ROOT / "out" / "load-worker.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
        )  # fmt: skip

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


def wait_for_background_imports(seconds):
    """Seconds until every background import finished, or None if some never did."""
    from events.models import ImportJob

    started = time.perf_counter()
    while ImportJob.objects.filter(finished_at=None).exists():
        if time.perf_counter() - started > seconds:
            return None
        time.sleep(0.5)
    return time.perf_counter() - started


def background_imports(lines):
    """Every background import finished without error, each of the `lines` bulletins of each
    large upload with exactly one outcome, every created bulletin stored."""
    from django.db.models import Count

    from events.models import Bulletin, ImportItem, ImportJob, ImportOutcome

    problems = []
    for job in ImportJob.objects.all():
        if job.state != ImportJob.State.FINISHED:
            problems.append(f"background import #{job.pk} is {job.state} ({job.error})")
        for item in job.items.all():
            if item.status != ImportItem.Status.DONE:
                problems.append(f"{item.name} is {item.status}")
            stored = item.outcomes.count()
            if item.name.endswith("-large.jsonl") and stored != lines:
                problems.append(f"{item.name}: {stored} outcomes for {lines} bulletins")
    counts = dict(ImportOutcome.objects.values_list("status").annotate(n=Count("*")).order_by())
    created = ImportOutcome.objects.filter(status="created")
    missing = created.filter(bulletin=None).count()
    if missing:
        problems.append(f"{missing} outcomes say created but hold no bulletin")
    shared = created.values("bulletin").annotate(n=Count("*")).filter(n__gt=1).count()
    if shared:
        problems.append(f"{shared} bulletins counted as created more than once")
    say(f"checked: background imports {counts}; {Bulletin.objects.count():,} bulletins in all")
    return problems


def consistency(started):
    """What must hold after the run; a list of the problems found (empty when consistent)."""
    from django.db import transaction
    from django.db.models import Count

    from events.lexicons import extract
    from events.models import FIGURE_FIELDS, Bulletin, Incident, Report

    problems = []
    duplicates = (
        Bulletin.objects.values("content_hash").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    if duplicates:
        problems.append(f"{duplicates} content hashes stored more than once")
    orphans = Report.objects.exclude(incident=None).exclude(incident__in=Incident.objects.all())
    if orphans.exists():
        problems.append(f"{orphans.count()} reports point to a missing incident")
    imported = Bulletin.objects.filter(imported_at__gte=started)
    for bulletin in imported:
        published = bulletin.published_at.date() if bulletin.published_at else None
        events = extract(bulletin.title, bulletin.text, published, source=bulletin.publisher)
        if bulletin.reports.count() != len(events):
            problems.append(
                f"bulletin #{bulletin.pk} has {bulletin.reports.count()} reports, its "
                f"extraction {len(events)}"
            )
    derived = 0
    for incident in Incident.objects.filter(figures_edited=False, reports__isnull=False).distinct():
        stored = [getattr(incident, name) for name in FIGURE_FIELDS]
        with transaction.atomic():  # derive_from_reports also sets perpetrators: undone here.
            incident.derive_from_reports(save=False)
            transaction.set_rollback(True)
        if [getattr(incident, name) for name in FIGURE_FIELDS] != stored:
            problems.append(f"incident #{incident.pk}'s figures differ from its reports'")
        derived += 1
    say(f"checked: {imported.count()} bulletins imported during the run re-extracted, "
        f"{derived} incidents' figures re-derived")  # fmt: skip
    problems += derived_tables()
    return problems


def derived_tables():
    """What triggers and signals keep under concurrent writes: the map's counts, the search
    rows and each incident's perpetrator groups and actors agree with the incidents
    themselves."""
    from events.counts.check import differences
    from events.models import Incident, derived_perpetrator_keys

    problems = differences()
    stored = {
        pk: (groups, actors)
        for pk, groups, actors in Incident.objects.values_list(
            "pk", "perpetrator_groups", "perpetrator_actors"
        )
    }
    derived = derived_perpetrator_keys(Incident.objects.all())
    for position, name in enumerate(("perpetrator_groups", "perpetrator_actors")):
        wrong = sum(derived[pk][position] != keys[position] for pk, keys in stored.items())
        if wrong:
            problems.append(f"{wrong} incidents' {name} differ from their perpetrators")
    say(
        f"checked: the map's counts, {len(stored):,} search rows, word counts, perpetrator"
        " groups and actors"
    )
    return problems


def table(stats, seconds):
    lines = [f"{'endpoint':22} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} "
             f"{'max ms':>7}"]  # fmt: skip
    rows = {}
    for endpoint in sorted(stats.times):
        times = stats.times[endpoint]
        row = {
            "requests": len(times),
            "errors": len(stats.errors[endpoint]),
            "p50_ms": round(percentile(times, 0.5) * 1000),
            "p95_ms": round(percentile(times, 0.95) * 1000),
            "max_ms": round(max(times) * 1000),
        }
        rows[endpoint] = row
        lines.append(f"{endpoint:22} {row['requests']:8} {row['errors']:6} {row['p50_ms']:7} "
                     f"{row['p95_ms']:7} {row['max_ms']:7}")  # fmt: skip
    total = sum(len(t) for t in stats.times.values())
    lines.append(f"{total} requests in {seconds:.0f} s ({total / seconds:.1f}/s)")
    return "\n".join(lines), rows


def main(argv=None):
    args = parse_args(argv)
    database_url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="conflictsite.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "load-only-secret-" + uuid.uuid4().hex * 2,
        ALLOWED_HOSTS="127.0.0.1",
        BROWSING_REQUIRES_LOGIN="0",
        # Plain HTTP on 127.0.0.1: cookies cannot be HTTPS-only here.
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
    )
    os.environ.pop("DEBUG", None)
    (ROOT / "out").mkdir(exist_ok=True)
    ensure_database(database_url)
    server = worker = None
    try:
        import django

        django.setup()
        choices = prepare(args)
        uploads = generated_bulletins(400, seed=os.getpid())
        large = generated_bulletins(args.large * args.editors, seed=os.getpid() + 1)
        contested = random.Random(1).sample(choices["ids"], 10)
        from django.db import connections

        connections.close_all()
        say(f"gunicorn: {args.workers} workers; {args.analysts} analysts and {args.editors} "
            f"editors for {args.seconds:.0f} s")  # fmt: skip
        server = Server(dict(os.environ), args.workers)
        worker = TaskWorker(dict(os.environ))
        stats, stop, gate = Stats(), threading.Event(), Gate(args.editors)
        started = datetime.datetime.now(datetime.UTC)
        threads = (
            [
                threading.Thread(
                    target=guarded(analyst),
                    args=(server.url, stats, stop, random.Random(n), choices),
                )  # fmt: skip
                for n in range(args.analysts)
            ]
            + [
                threading.Thread(
                    target=guarded(editor),
                    args=(
                        server.url,
                        stats,
                        stop,
                        random.Random(100 + n),
                        f"editor{n}",
                        uploads,
                        contested,
                        gate,
                        large[n * args.large : (n + 1) * args.large],
                    ),
                )  # fmt: skip
                for n in range(args.editors)
            ]
            + [
                threading.Thread(
                    target=guarded(flooder),
                    args=(server.url, stats, stop, random.Random(200 + n), gate),
                )
                for n in range(args.flooders)
            ]
        )
        clock = time.perf_counter()
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join(timeout=180)
        elapsed = time.perf_counter() - clock
        flooded = right_password_after_the_flood(server.url) if args.flooders else None
        waited = wait_for_background_imports(300)
        worker.stop()
        server.stop()
        server = worker = None
        text, rows = table(stats, elapsed)
        say("")
        say(text)
        for what, n in sorted(stats.counts.items()):
            say(f"{what}: {n}")
        errors = [e for endpoint in stats.errors for e in stats.errors[endpoint]]
        for error in errors[:20]:
            say(f"error: {error}")
        problems = consistency(started) + background_imports(args.large)
        if waited is None:
            problems.append("background imports still unfinished 300 s after the run")
        else:
            say(f"background imports finished {waited:.0f} s after the run")
        if flooded not in (None, 429):
            problems.append(f"the flooded account's right password got {flooded}, not 429")
        for problem in problems[:20]:
            say(f"inconsistent: {problem}")
        RESULTS.write_text(
            json.dumps({"seconds": round(elapsed, 1), "analysts": args.analysts,
                        "editors": args.editors, "workers": args.workers,
                        "incidents": len(choices["ids"]), "endpoints": rows,
                        "outcomes": dict(stats.counts), "errors": errors[:100],
                        "inconsistencies": problems[:100]}, indent=1)
        )  # fmt: skip
        say(f"{len(errors)} errors, {len(problems)} inconsistencies (out/load.json)")
        return 1 if errors or problems else 0
    finally:
        for process in (server, worker):
            if process:
                process.stop()
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(database_url)


if __name__ == "__main__":
    sys.exit(main())
