"""``manage.py db_worker``: django-tasks-db's worker, which also outlives a database restart.

The library's loop checks its connection before claiming the next task, but a restart (or a
failover) that lands between that check and the claim, or inside a task, raises out of the
loop and ends the process: the queue then waits for the service manager's restart. This
command takes the library's place (the operations app is listed before it): when the error
came with a dead connection, the worker drops the connection and goes on with a new one; an
error on a live connection still ends it, as before. A task whose session ended under it
keeps its "running" row, as after a killed worker (the library cannot record the failure on
a dead connection); the scheduled `recover_lost_tasks` (operations/recovery.py) later queues
it again or marks it failed.
"""

import logging
import time

import psycopg
from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker as library

logger = logging.getLogger("django_tasks_db")

# SQLSTATEs of a server going away: admin, crash and starting-up shutdowns; class 08 is the
# connection's own failures. A client-side loss (a closed socket) has no SQLSTATE at all.
SHUTDOWN_STATES = {"57P01", "57P02", "57P03"}


def connection_lost(error):
    """Whether ``error`` says the database session is gone, not that a statement failed."""
    if isinstance(error, InterfaceError):
        return True
    cause = error.__cause__
    if not isinstance(cause, psycopg.Error):
        return False
    state = cause.sqlstate
    return state is None or state.startswith("08") or state in SHUTDOWN_STATES


class Worker(library.Worker):
    """The library's worker, restarted in place when its database session is lost."""

    def run(self):
        while True:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running or not connection_lost(error):
                    raise
                logger.warning("Database connection lost (%s): reconnecting", error)
                connections.close_all()
                time.sleep(self.interval)


class Command(library.Command):
    help = library.Command.help

    def handle(self, *args, **options):
        # The library's handle() builds its worker by the module's name for it: this process
        # runs ours instead.
        library.Worker = Worker
        return super().handle(*args, **options)
