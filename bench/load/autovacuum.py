"""PostgreSQL's autovacuum, done by the load test where the server has it off.

A production PostgreSQL runs autovacuum (on by default): it analyzes a table
once enough of it changed, so the planner knows its size, and vacuums it once
enough dead row versions pile up (each autosave leaves one behind). A server
with ``autovacuum = off`` (this machine's) never does either: after seeding,
the planner still thinks the tables are empty or tiny and picks sequential
scans (session 12 found "Mi aprendizaje" scanning every quiz attempt, 8 ms of
PostgreSQL per visit, where an analyzed table takes 0.2 ms), and the attempts
table bloats. That is not what an exam day in production looks like.

So run.py analyzes the seeded database before the first stage and, while
Locust runs, ``AutovacuumStandIn`` checks the tables every
``autovacuum_naptime`` (60 s by default) with autovacuum's default thresholds
and runs VACUUM or ANALYZE on those due, throttled as autovacuum throttles
itself (``autovacuum_vacuum_cost_delay``, 2 ms). An approximation: PostgreSQL
sizes the thresholds from ``pg_class.reltuples``, this from ``n_live_tup``.
Its work is done by a PostgreSQL backend, so its CPU is counted with the
database's, as autovacuum's would be. With autovacuum on, nothing runs here.
"""

import threading

import psycopg
from psycopg import sql

NAPTIME = 60  # autovacuum_naptime
COST_DELAY = "2ms"  # autovacuum_vacuum_cost_delay
# autovacuum's default thresholds (rows) and scale factors (share of live rows).
VACUUM_THRESHOLD, VACUUM_SCALE = 50, 0.2
INSERT_THRESHOLD, INSERT_SCALE = 1000, 0.2
ANALYZE_THRESHOLD, ANALYZE_SCALE = 50, 0.1

_TABLE_STATS = """
    SELECT relname, n_live_tup, n_dead_tup, n_ins_since_vacuum, n_mod_since_analyze
    FROM pg_stat_user_tables WHERE schemaname = 'public'
"""


def autovacuum_is_on(url: str) -> bool:
    with psycopg.connect(url, autocommit=True) as connection:
        return connection.execute("SHOW autovacuum").fetchone()[0] == "on"


def analyze_all(url: str) -> None:
    """What autovacuum would long have done to a database seeded days before
    the exam: every table vacuumed and analyzed."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")


def due(live: int, dead: int, inserted: int, modified: int) -> str | None:
    """The command autovacuum's default rules would run on a table, if any."""
    vacuum = dead > VACUUM_THRESHOLD + VACUUM_SCALE * live or (
        inserted > INSERT_THRESHOLD + INSERT_SCALE * live
    )
    analyze = modified > ANALYZE_THRESHOLD + ANALYZE_SCALE * live
    if vacuum:
        return "VACUUM (ANALYZE)" if analyze else "VACUUM"
    return "ANALYZE" if analyze else None


class AutovacuumStandIn(threading.Thread):
    """Every NAPTIME seconds, VACUUM and ANALYZE the tables autovacuum would.
    ``runs`` lists what it ran; ``error`` says why it stopped, if it did."""

    def __init__(self, url: str, naptime: float = NAPTIME):
        super().__init__(daemon=True)
        self.url, self.naptime = url, naptime
        self.halt = threading.Event()
        self.runs: list[str] = []
        self.error: str | None = None

    def run(self) -> None:
        try:
            with psycopg.connect(self.url, autocommit=True) as connection:
                connection.execute(f"SET vacuum_cost_delay = '{COST_DELAY}'")
                while not self.halt.wait(self.naptime):
                    self.pass_over(connection)
        except psycopg.Error as error:
            self.error = f"{type(error).__name__}: {error}"

    def pass_over(self, connection) -> None:
        for table, live, dead, inserted, modified in connection.execute(
            _TABLE_STATS
        ).fetchall():
            command = due(live, dead, inserted, modified)
            if command:
                connection.execute(
                    sql.SQL("{} {}").format(sql.SQL(command), sql.Identifier(table))
                )
                self.runs.append(f"{command} {table}")

    def report(self) -> str:
        done = ", ".join(self.runs) or "ninguna tabla lo necesitó"
        if self.error:
            return f"{done}; se detuvo por un error: {self.error}"
        return done
