"""Exam-day load test: the app under production settings on loopback, driven by
Locust in stages, with the CPU split between app, database and load generator.

    make load         # 250 → 500 → 1,000 → 1,500 → 2,000 exam-takers, 2 min each
    make load-smoke   # 30 exam-takers for 30 s, short think time, a worker
                      # killed every 10 s; fails on any error or lost answer

Steps: drop and create the PostgreSQL database ``infom_load``, migrate, seed it
(seed.py), collect static files if they changed, start gunicorn
(lms.settings.production, 5 sync workers by default, throwaway keys) on
127.0.0.1, run Locust headless (a master and LOAD_LOCUST_WORKERS worker
processes, locustfile.py), optionally SIGKILL a gunicorn worker every N
seconds, print the figures, then check in the database that every answer the
server confirmed is there (verify.py). Everything it started is stopped on
exit; the database stays for inspection until the next run. See README.md.
"""

import argparse
import json
import math
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from autovacuum import AutovacuumStandIn, analyze_all, autovacuum_is_on

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
DATABASE = os.environ.get("LOAD_DATABASE", "infom_load")
PG = os.environ.get("LOAD_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("LOAD_REDIS", "redis://127.0.0.1:6379")
CACHE_DB, BROKER_DB = (
    int(n) for n in os.environ.get("LOAD_REDIS_DBS", "11,12").split(",")
)
WORKER_CLASSES = ("sync", "gthread")
DEFAULT_STAGES = "250:120,500:120,1000:120,1500:120,2000:120"
NAMES = (
    "login page",
    "login",
    "dashboard",
    "quiz page",
    "start",
    "attempt page",
    "autosave",
    "submit",
    "result",
    "journey",
)
CUT = " (cortada)"  # suffix of the requests a killed worker cut (locustfile.py)

started: list[subprocess.Popen] = []


BEGAN = time.monotonic()


def say(text: str) -> None:
    if text.startswith("== "):
        text = f"== [{time.monotonic() - BEGAN:4.0f} s] {text[3:]}"
    print(text, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list, env: dict, **kwargs) -> None:
    subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def start(command: list, env: dict, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603
        command,
        env=env,
        cwd=ROOT,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    started.append(process)
    return process


def stop_all() -> None:
    for process in reversed(started):
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
    deadline = time.monotonic() + 15
    for process in started:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    started.clear()


def accounts_needed(stages, questions: int, think_min: float, workers: int) -> int:
    """Every person takes the exam once, so each journey needs a fresh account:
    an upper bound on the journeys the stages can hold, split across workers."""
    shortest = max(1.0, (questions + 5) * think_min)  # steps × minimum think
    total, previous, remaining = 0, 0, sum(s for _, s in stages)
    for users, seconds in stages:
        arriving = max(0, users - previous)
        total += arriving * (math.floor(remaining / shortest) + 1)
        previous, remaining = max(previous, users), remaining - seconds
    return math.ceil(total * 1.1) + 20 * workers


def prepare_database(env: dict) -> None:
    import psycopg
    import redis

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [DATABASE],
        )
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        # LOAD_DB_TEMPLATE: an already migrated database to copy (repeated
        # local runs); the copy is still migrated, which is then quick.
        template = os.environ.get("LOAD_DB_TEMPLATE")
        suffix = f" TEMPLATE {template}" if template else ""
        connection.execute(f"CREATE DATABASE {DATABASE}{suffix}")
    for db in (CACHE_DB, BROKER_DB):
        redis.Redis.from_url(f"{REDIS}/{db}").flushdb()
    run([BIN / "python", "manage.py", "migrate", "--noinput", "-v", "0"], env)


def collect_static(env: dict) -> None:
    """collectstatic (compressing every file) only when a static file changed."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    sources = [p for p in (ROOT / "static").rglob("*") if p.is_file()]
    if manifest.exists() and all(
        p.stat().st_mtime < manifest.stat().st_mtime for p in sources
    ):
        return
    run([BIN / "python", "manage.py", "collectstatic", "--noinput", "-v", "0"], env)


def signing_keys(env: dict, keys: Path) -> dict:
    """Throwaway certificate and credential keys, as `make check-deploy` makes."""
    firma, credentials = keys / "firma", keys / "credenciales"
    firma.mkdir()
    credentials.mkdir()
    test_env = {**env, "DJANGO_SETTINGS_MODULE": "lms.settings.test"}
    quiet = {"stdout": subprocess.DEVNULL}
    run(
        [BIN / "python", "manage.py", "crear_firma_demo", "--directorio", firma],
        test_env,
        **quiet,
    )
    run(
        [BIN / "python", "manage.py", "credential_key"],
        {**env, "CREDENTIAL_SIGNING_KEYS_DIR": str(credentials)},
        **quiet,
    )
    return {
        "CERTIFICATE_SIGNING_KEY": str(firma / "firma.key"),
        "CERTIFICATE_SIGNING_CERT": str(firma / "firma.pem"),
        "CERTIFICATE_SIGNING_CHAIN": str(firma / "cadena.pem"),
        "CREDENTIAL_SIGNING_KEYS_DIR": str(credentials),
    }


def answers(url: str, path="/salud/", session="") -> bool:
    headers = {"X-Forwarded-Proto": "https"}
    if session:
        headers["Cookie"] = f"sessionid={session}"
    request = urllib.request.Request(url + path, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30):  # noqa: S310
            return True
    except urllib.error.HTTPError:
        return True  # it answers (a 503 names a missing dependency)
    except OSError:
        return False


def wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while not answers(url):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn terminó:\n{log.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            raise SystemExit("gunicorn no respondió en 90 s")
        time.sleep(0.5)


def warm_up(url: str, workers: int, accounts: dict) -> None:
    """Every worker loads Django and compiles the pages before the test
    (concurrent requests reach each sync worker), so no stage pays the boot."""
    pages = ["/mi-aprendizaje/", accounts["quiz_url"], "/cuentas/login/"]
    with ThreadPoolExecutor(workers * 2) as pool:
        for path in pages:
            list(
                pool.map(
                    lambda _, path=path: answers(url, path, accounts["warmup"]),
                    range(workers * 4),
                )
            )


def serving(worker, port: int) -> bool:
    """Whether a gunicorn worker holds an open client connection on the
    app's port, i.e. is serving a request right now."""
    import psutil

    try:
        connections = worker.net_connections(kind="tcp")
    except psutil.Error:
        return False
    return any(
        c.laddr and c.laddr.port == port and c.status == psutil.CONN_ESTABLISHED
        for c in connections
    )


class WorkerKiller(threading.Thread):
    """SIGKILL one gunicorn worker (never the arbiter) every ``every`` seconds
    while Locust runs, as a crash or the kernel's OOM killer would; gunicorn
    starts a new one. A worker holding a client connection at that moment is
    chosen when there is one within two seconds, otherwise any worker. Holding
    a connection is not always mid-request: after writing the response a
    worker still runs Django's request_finished handlers before closing, so
    not every kill cuts a request."""

    def __init__(self, arbiter: int, port: int, every: float, log):
        super().__init__(daemon=True)
        self.log = log
        self.arbiter, self.port, self.every = arbiter, port, every
        self.killed = 0
        self.busy = 0  # of them, holding a client connection when killed
        self.times: list[float] = []  # seconds after the start
        self.halt = threading.Event()
        self.began = time.monotonic()

    def run(self):
        while not self.halt.wait(self.every):
            self.kill_one()

    def kill_one(self) -> None:
        import psutil

        look_until = time.monotonic() + 2
        while not self.halt.is_set():
            try:
                workers = psutil.Process(self.arbiter).children()
            except psutil.Error:
                return
            busy = [w for w in workers if serving(w, self.port)]
            if busy or time.monotonic() > look_until:
                break
            time.sleep(0.02)
        else:
            return
        victim = random.choice(busy or workers) if (busy or workers) else None
        if victim is None:
            return
        try:
            os.kill(victim.pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        self.killed += 1
        self.busy += bool(busy)
        self.times.append(time.monotonic() - self.began)
        print(  # noqa: T201 - goes to the run's own log (LOAD_KEEP)
            f"SIGKILL {victim.pid} a los {self.times[-1]:.1f} s"
            f" ({'con una conexión abierta' if busy else 'sin conexión'})",
            file=self.log,
            flush=True,
        )


def ms(value: float) -> str:
    return f"{value:,.0f}"


def print_stages(results: list, workers: int) -> None:
    say("")
    say(
        "usuarios | s   | req/s | p50 ms | p95 ms | p99 ms | solicitudes | errores "
        "| CPU (núcleos) app / BD / Redis / Locust / resto de la máquina"
    )
    for stage in results:
        cpu = stage["cpu"]
        ours = cpu["app"] + cpu["db"] + cpu["redis"] + cpu["generator"]
        say(
            f"{stage['users']:>8,} | {stage['seconds']:>3.0f} | {stage['rps']:>5.1f} "
            f"| {ms(stage['p50']):>6} | {ms(stage['p95']):>6} | {ms(stage['p99']):>6} "
            f"| {stage['requests']:>11,} | {stage['failures']:>7,} "
            f"| {cpu['app']:.2f} / {cpu['db']:.2f} / {cpu['redis']:.2f} / "
            f"{cpu['generator']:.2f} / {max(0.0, cpu['machine'] - ours):.2f}"
        )
    passing = [s for s in results if s["p95"] < 500 and s["failures"] == 0]
    say("")
    if passing:
        best = max(passing, key=lambda s: s["users"])
        say(
            f"Mayor etapa con p95 < 500 ms y 0 errores: {best['users']:,} personas "
            f"(p95 {ms(best['p95'])} ms, {best['rps']:.1f} req/s)"
        )
    else:
        say("Ninguna etapa tuvo p95 < 500 ms y 0 errores.")
    largest = max(results, key=lambda s: s["users"])
    say(f"\nPor tipo de solicitud, etapa de {largest['users']:,} personas:")
    labels = [
        label
        for name in NAMES
        for label in (name, name + CUT)
        if label in largest["by_name"]
    ]
    width = max([13, *map(len, labels)])
    say(f"{'tipo':<{width}} | solicitudes | errores | p50 ms | p95 ms")
    for label in labels:
        entry = largest["by_name"][label]
        say(
            f"{label:<{width}} | {entry['requests']:>11,} | {entry['failures']:>7,} "
            f"| {ms(entry['p50']):>6} | {ms(entry['p95']):>6}"
        )
    if any(cut_requests(stage) for stage in results):
        say(
            "\nSolicitudes cortadas por un worker terminado y hechas de nuevo (no "
            "cuentan como error), por etapa: "
            + ", ".join(f"{cut_requests(stage):,}" for stage in results)
        )
    errors = [e for stage in results for e in stage["errors"]]
    if errors:
        say("\nErrores:")
        for error in errors[:20]:
            say(f"  {error['count']:>5} × {error['name']}: {error['error']}")


def cut_requests(stage: dict) -> int:
    """Requests of a stage that a killed worker cut and the person (or the
    page's script) made again: Locust records them as ``<type> (cortada)``."""
    return sum(
        entry["requests"]
        for name, entry in stage["by_name"].items()
        if name.endswith(CUT)
    )


def respawns(log_text: str, workers: int) -> tuple[int, int]:
    """Workers gunicorn reported killed by SIGKILL, and workers it booted
    beyond the first ``workers``, from its log."""
    killed = log_text.count("was sent SIGKILL")
    booted = log_text.count("Booting worker with pid")
    return killed, max(0, booted - workers)


def gunicorn_command(port: int, workers: int, worker_class: str, threads: int):
    if worker_class not in WORKER_CLASSES:
        raise SystemExit(f"--worker-class: {' o '.join(WORKER_CLASSES)}")
    if threads < 1 or (threads > 1 and worker_class != "gthread"):
        # gunicorn would switch to gthread on its own; say it instead.
        raise SystemExit("--threads mayor que 1 necesita --worker-class gthread")
    return [
        BIN / "gunicorn", "lms.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--worker-class", worker_class,
        "--threads", str(threads), "--timeout", "30",
        "--forwarded-allow-ips", "127.0.0.1",
    ]  # fmt: skip


def psutil_children(pid: int) -> list:
    import psutil

    try:
        return psutil.Process(pid).children()
    except psutil.Error:
        return []


def parse_stages(text: str) -> list[tuple[int, int]]:
    stages = []
    for part in text.split(","):
        users, _, seconds = part.partition(":")
        stages.append((int(users), int(seconds or 120)))
    if any(seconds > 120 or users < 1 for users, seconds in stages):
        raise SystemExit("Cada etapa: al menos 1 persona y a lo sumo 120 s.")
    return stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--stages",
        default=os.environ.get("LOAD_STAGES", DEFAULT_STAGES),
        help="personas:segundos separados por comas (máx. 120 s por etapa)",
    )
    parser.add_argument(
        "--think", default=os.environ.get("LOAD_THINK", "5,10"), help="mín,máx s"
    )
    parser.add_argument(
        "--questions", type=int, default=int(os.environ.get("LOAD_QUESTIONS", "10"))
    )
    parser.add_argument(
        "--locust-workers",
        type=int,
        default=int(os.environ.get("LOAD_LOCUST_WORKERS", "2")),
    )
    parser.add_argument(
        "--app-workers", type=int, default=int(os.environ.get("LOAD_APP_WORKERS", "5"))
    )
    parser.add_argument(
        "--worker-class",
        default=os.environ.get("LOAD_WORKER_CLASS", "sync"),
        choices=WORKER_CLASSES,
        help="clase de worker de gunicorn (sync por omisión)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=int(os.environ.get("LOAD_THREADS", "1")),
        help="hilos por worker (solo gthread)",
    )
    parser.add_argument(
        "--kill-worker-every",
        type=float,
        default=float(os.environ.get("LOAD_KILL_EVERY", "0")),
        metavar="SEGUNDOS",
        help="SIGKILL a un worker de gunicorn cada tantos segundos (0: nunca)",
    )
    parser.add_argument(
        "--login-share",
        type=float,
        default=float(os.environ.get("LOAD_LOGIN_SHARE", "0.1")),
    )
    parser.add_argument(
        "--nojs-share",
        type=float,
        default=float(os.environ.get("LOAD_NOJS_SHARE", "0.2")),
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="falla (código 1) si hubo algún error o se perdió una respuesta",
    )
    args = parser.parse_args()
    # Refuse a bad worker setting before the database is rebuilt.
    gunicorn_command(0, args.app_workers, args.worker_class, args.threads)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up on kill
    stages = parse_stages(args.stages)
    think_min = float(args.think.split(",")[0])
    accounts = accounts_needed(stages, args.questions, think_min, args.locust_workers)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    scratch = Path(tempfile.mkdtemp(prefix="infom-carga-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": os.urandom(36).hex(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "CACHE_URL": f"{REDIS}/{CACHE_DB}",
        "CELERY_BROKER_URL": f"{REDIS}/{BROKER_DB}",
        "CELERY_TASK_DEFAULT_QUEUE": "infom-carga",
        "TRUSTED_PROXY_COUNT": "1",
        "MEDIA_ROOT": str(scratch / "media"),
        "PRIVATE_MEDIA_ROOT": str(scratch / "privado"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("DEBUG", None)
    try:
        say(f"== base de datos {DATABASE}: borrar, crear, migrar")
        prepare_database(env)
        say("== archivos estáticos (collectstatic si cambiaron)")
        collect_static(env)
        say("== claves de firma desechables (como make check-deploy)")
        env.update(signing_keys(env, scratch))
        say(
            f"== sembrar {accounts:,} cuentas (una por examen; sesiones escritas en el "
            "almacén de sesiones, sin pagar el hash de contraseña; quienes entran por "
            "el formulario pagan el hash de contraseña de producción, Argon2id)"
        )
        accounts_file = scratch / "cuentas.json"
        run(
            [BIN / "python", HERE / "seed.py", "--accounts", str(accounts),
             "--questions", str(args.questions), "--out", accounts_file],
            env,
        )  # fmt: skip
        database_url = f"{PG}/{DATABASE}"
        autovacuum = autovacuum_is_on(database_url)
        say(
            "== VACUUM ANALYZE de la base sembrada"
            + (
                ""
                if autovacuum
                else " (autovacuum está apagado en este servidor: run.py hace sus "
                "veces durante la prueba, autovacuum.py)"
            )
        )
        analyze_all(database_url)
        app_log = scratch / "gunicorn.log"
        gunicorn = gunicorn_command(
            port, args.app_workers, args.worker_class, args.threads
        )
        app = start(gunicorn, env, app_log)
        wait_until_up(url, app, app_log)
        warm_up(url, args.app_workers, json.loads(accounts_file.read_text()))
        kind = (
            "síncronos"
            if args.worker_class == "sync"
            else f"{args.worker_class} con {args.threads} hilos"
        )
        say(
            f"== gunicorn ({args.app_workers} workers {kind}, "
            f"lms.settings.production, DEBUG apagado) en {url}"
        )
        confirmed_dir = scratch / "confirmadas"
        confirmed_dir.mkdir()
        results_file = scratch / "etapas.json"
        master_port = free_port()
        load_env = {
            **os.environ,
            "LOAD_STAGES": ",".join(f"{u}:{s}" for u, s in stages),
            "LOAD_THINK": args.think,
            "LOAD_LOGIN_SHARE": str(args.login_share),
            "LOAD_NOJS_SHARE": str(args.nojs_share),
            "LOAD_LOCUST_WORKERS": str(args.locust_workers),
            "LOAD_ACCOUNTS": str(accounts_file),
            "LOAD_RESULTS": str(results_file),
            "LOAD_APP_PID": str(app.pid),
            "LOAD_DATABASE": DATABASE,
            "LOAD_CONFIRMED_DIR": str(confirmed_dir),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        locustfile = str(HERE / "locustfile.py")
        workers = [
            start(
                [
                    BIN / "locust",
                    "-f",
                    locustfile,
                    "--worker",
                    "--master-host",
                    "127.0.0.1",
                    "--master-port",
                    str(master_port),
                ],
                load_env,
                scratch / f"locust-worker-{n}.log",
            )  # fmt: skip
            for n in range(args.locust_workers)
        ]
        load_env["LOAD_GENERATOR_PIDS"] = " ".join(str(w.pid) for w in workers)
        total = sum(s for _, s in stages)
        say(
            f"== Locust: {args.locust_workers} procesos, etapas "
            + " → ".join(f"{u:,} ({s} s)" for u, s in stages)
            + f"; pensar {args.think} s entre pasos; "
            f"{args.login_share:.0%} entra con contraseña, "
            f"{args.nojs_share:.0%} sin JavaScript"
        )
        master_log = scratch / "locust-master.log"
        master = start(
            [BIN / "locust", "-f", locustfile, "--headless", "--master",
             "--master-bind-host", "127.0.0.1", "--master-bind-port",
             str(master_port), "--expect-workers", str(args.locust_workers),
             "--host", url, "--only-summary", "--stop-timeout", "5"],
            load_env,
            master_log,
        )  # fmt: skip
        stand_in = None if autovacuum else AutovacuumStandIn(database_url)
        if stand_in:
            stand_in.start()
        killer = None
        if args.kill_worker_every > 0:
            killer = WorkerKiller(
                app.pid,
                port,
                args.kill_worker_every,
                (scratch / "sigkill.log").open("w"),
            )
            killer.start()
            say(
                f"== un worker de gunicorn recibe SIGKILL cada "
                f"{args.kill_worker_every:g} s"
            )
        try:
            master.wait(timeout=total + 120)
        except subprocess.TimeoutExpired:
            say("Locust no terminó a tiempo")
        finally:
            if killer:
                killer.halt.set()
                killer.join()
            if stand_in:
                stand_in.halt.set()
                stand_in.join()
        if not results_file.exists():
            say(master_log.read_text()[-3000:])
            raise SystemExit("Locust no dejó resultados")
        results = json.loads(results_file.read_text())
        print_stages(results, args.locust_workers)
        if stand_in:
            say(
                "autovacuum hecho por run.py cada "
                f"{stand_in.naptime:g} s: " + stand_in.report()
            )
        app_text = app_log.read_text(errors="replace")
        server_errors = [
            line
            for line in app_text.splitlines()
            if "Traceback" in line or "[CRITICAL]" in line or "WORKER TIMEOUT" in line
        ]
        cut = sum(cut_requests(stage) for stage in results)
        if killer:
            reported, booted = respawns(app_text, args.app_workers)
            alive = len(psutil_children(app.pid))
            say(
                f"\nworkers terminados con SIGKILL: {killer.killed} ({killer.busy} "
                f"con una conexión abierta); gunicorn registró {reported} y levantó "
                f"{booted} nuevos; vivos al final: {alive} de {args.app_workers}; "
                f"solicitudes cortadas y hechas de nuevo: {cut}"
            )
            say(
                "  a los "
                + ", ".join(f"{t:.0f}" for t in killer.times)
                + " s de lanzar Locust"
            )
        say("")
        say("== respuestas confirmadas por el servidor frente a la base de datos")
        verified = subprocess.run(  # noqa: S603
            [BIN / "python", HERE / "verify.py", confirmed_dir],
            env=env,
            cwd=ROOT,
            check=False,
        ).returncode
        if server_errors:
            say(f"\ngunicorn registró {len(server_errors)} errores; primeros:")
            for line in server_errors[:5]:
                say(f"  {line}")
        failures = sum(stage["failures"] for stage in results)
        if args.smoke:
            requests = sum(stage["requests"] for stage in results)
            submits = sum(
                stage["by_name"].get("submit", {}).get("requests", 0)
                for stage in results
            )
            logins = sum(
                stage["by_name"].get("login", {}).get("requests", 0)
                for stage in results
            )
            say(
                f"\nprueba corta: {requests} solicitudes, {submits} envíos, "
                f"{logins} inicios de sesión, {failures} errores, {cut} cortadas "
                "y hechas de nuevo"
            )
            if failures or server_errors or not submits or not logins or verified:
                return 1
            if killer and not killer.killed:
                say("no se terminó ningún worker")
                return 1
        return 0
    finally:
        stop_all()
        if os.environ.get("LOAD_KEEP"):
            say(f"registros y archivos de la corrida en {scratch} (LOAD_KEEP)")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
