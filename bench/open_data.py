"""The open-data exports at scale (issue 17): the GeoJSON export and a walk through the OGC
API's items by their next links, in rows a second and the gunicorn worker's peak memory.

Called by bench/run.py (`--parts opendata`, part of `make bench`) with its gunicorn Server.
"""

import json
import re
import threading
import time
import urllib.parse
import urllib.request

from django.urls import reverse

RSS_GROWTH_MB = 50
ITEMS_LIMIT = 10_000


def download(server, url, keep=64 << 20):
    """(seconds, bytes, peak RSS of the worker in MB, body) for one GET. The body is kept
    whole up to `keep` bytes (an items page); past it, or with keep=None, only its first
    megabyte and a count of features (so the measuring process stays flat too)."""
    peak = [server.rss_mb()]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], server.rss_mb())
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    size, parts, features, tail = 0, [], 0, b""
    with urllib.request.urlopen(url, timeout=1800) as response:
        while chunk := response.read(1 << 20):
            size += len(chunk)
            features += count_features(tail[-64:] + chunk) - count_features(tail[-64:])
            tail = chunk
            if keep is None and not parts or keep is not None and size <= keep:
                parts.append(chunk)
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    body = b"".join(parts)
    return elapsed, size, peak[0], Counted(body, features)


class Counted(bytes):
    """A body (or its start) that knows how many features the whole had."""

    def __new__(cls, value, features):
        made = super().__new__(cls, value)
        made.features = features
        return made


def count_features(body):
    """Features in (part of) a GeoJSON document, counted without parsing it."""
    if isinstance(body, Counted):
        return body.features
    return body.count(b'"type":"Feature","id":')


def bench_geojson(server, params):
    query = urllib.parse.urlencode(params)
    url = f"{server.url}{reverse('opendata:export_geojson')}?{query}"
    seconds, size, peak, body = download(server, url, keep=None)
    # The export states its row count before its features: {"type":…,"numberMatched":N,…
    rows = int(re.search(rb'"numberMatched":(\d+)', body[:4096]).group(1))
    assert count_features(body) == rows, (count_features(body), rows)
    return seconds, size, peak, rows


def bench_items(server, params):
    """Every page of /ogc/collections/incidents/items at the largest limit, by next links."""
    query = urllib.parse.urlencode({**params, "limit": ITEMS_LIMIT})
    url = f"{server.url}{reverse('opendata:ogc_items')}?{query}"
    seconds = size = rows = pages = 0
    peak = 0.0
    matched = None
    while url:
        elapsed, got, top, body = download(server, url)
        page = json.loads(body)
        matched = page["numberMatched"] if matched is None else matched
        seconds, size, peak = seconds + elapsed, size + got, max(peak, top)
        rows += page["numberReturned"]
        pages += 1
        url = next((link["href"] for link in page["links"] if link["rel"] == "next"), None)
    assert rows == matched, (rows, matched)
    return seconds, size, peak, rows, pages


def bench_opendata(server, median_date, say=print):
    results = []
    baseline = server.rss_mb()
    for label, params in (("all rows", {}), ("half (date_from)", {"date_from": str(median_date)})):
        for name, measure in (("GeoJSON export", bench_geojson), ("OGC API items", bench_items)):
            seconds, size, peak, rows, *pages = measure(server, params)
            growth = peak - baseline
            result = {
                "measure": f"{name}, {label}",
                "rows": rows,
                "bytes": size,
                "seconds": round(seconds, 2),
                "rows_per_s": round(rows / seconds),
                "rss_baseline_mb": round(baseline),
                "rss_peak_mb": round(peak),
                "target": f"RSS growth <= {RSS_GROWTH_MB} MB",
                "pass": growth <= RSS_GROWTH_MB,
            }
            if pages:
                result["pages"] = pages[0]
            results.append(result)
            say(
                f"  {name} {label}: {rows:,} rows in {seconds:.2f} s ({rows / seconds:,.0f}/s), "
                f"{size / 1e6:,.0f} MB, RSS {baseline:.0f} -> {peak:.0f} MB"
            )
    return results
