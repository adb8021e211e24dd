"""`manage.py import_bulletins PATH...` with pauses where a race or a crash does harm.

Run by test_faults.py as a separate process. SLOW_EXTRACT (seconds) pauses after the
"already imported?" check and before the insert, so two processes both pass the check;
SLOW_STORE pauses inside the bulletin's transaction, after its rows are written and before the
commit, so a SIGKILL lands mid-transaction.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflictsite.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from events import importing  # noqa: E402

extract, store_events = importing.extract, importing.store_events


def slow_extract(*args, **kwargs):
    time.sleep(float(os.environ.get("SLOW_EXTRACT", 0)))
    return extract(*args, **kwargs)


def slow_store_events(bulletin, events):
    incidents = store_events(bulletin, events)
    time.sleep(float(os.environ.get("SLOW_STORE", 0)))
    return incidents


importing.extract, importing.store_events = slow_extract, slow_store_events

if __name__ == "__main__":
    call_command("import_bulletins", *sys.argv[1:], verbosity=2)
