#!/bin/sh
# The background-import task worker, as `make run` and `make serve` start it: first enqueue
# the imports a previous worker left unfinished (killed, or its database connection lost for
# good), then run the worker; if it exits on an error, start again after a pause.
# Usage: scripts/worker.sh PYTHON [db_worker options]
python=$1
shift
trap 'kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' INT TERM
while :; do
    "$python" manage.py resume_imports
    "$python" manage.py db_worker "$@" &
    child=$!
    wait "$child" && exit 0
    echo "worker.sh: the task worker stopped with an error; starting it again in 5 s" >&2
    sleep 5
done
