"""`manage.py db_worker ARGS...` whose extraction pauses SLOW_EXTRACT seconds a bulletin, so a
test can kill it, or cut its database connection, in the middle of a background import.

Run by test_faults.py as a separate process.
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

extract = importing.extract


def slow_extract(*args, **kwargs):
    time.sleep(float(os.environ.get("SLOW_EXTRACT", 0)))
    return extract(*args, **kwargs)


importing.extract = slow_extract

if __name__ == "__main__":
    call_command("db_worker", *sys.argv[1:])
