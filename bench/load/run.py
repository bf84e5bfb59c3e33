"""Exam-day load test: the app under production settings on loopback, driven by
Locust in stages, with the CPU split between app, database and load generator.

    make load         # 250 → 500 → 1,000 → 1,500 → 2,000 exam-takers, 2 min each
    make load-smoke   # 50 exam-takers for 30 s, short think time; fails on any error

Steps: drop and create the PostgreSQL database ``infom_load``, migrate, seed it
(seed.py), collect static files if they changed, start gunicorn
(lms.settings.production, 5 sync workers, throwaway keys) on 127.0.0.1, run
Locust headless (a master and LOAD_LOCUST_WORKERS worker processes,
locustfile.py), print the figures. Everything it started is stopped on exit;
the database stays for inspection until the next run. See README.md.
"""

import argparse
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
DATABASE = "infom_load"
PG = os.environ.get("LOAD_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("LOAD_REDIS", "redis://127.0.0.1:6379")
CACHE_DB, BROKER_DB = 11, 12
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
    say("tipo          | solicitudes | errores | p50 ms | p95 ms")
    for name in NAMES:
        entry = largest["by_name"].get(name)
        if entry:
            say(
                f"{name:<13} | {entry['requests']:>11,} | {entry['failures']:>7,} "
                f"| {ms(entry['p50']):>6} | {ms(entry['p95']):>6}"
            )
    errors = [e for stage in results for e in stage["errors"]]
    if errors:
        say("\nErrores:")
        for error in errors[:20]:
            say(f"  {error['count']:>5} × {error['name']}: {error['error']}")


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
        "--smoke", action="store_true", help="falla (código 1) si hubo algún error"
    )
    args = parser.parse_args()
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
            "el formulario pagan PBKDF2 como en producción)"
        )
        accounts_file = scratch / "cuentas.json"
        run(
            [BIN / "python", HERE / "seed.py", "--accounts", str(accounts),
             "--questions", str(args.questions), "--out", accounts_file],
            env,
        )  # fmt: skip
        app_log = scratch / "gunicorn.log"
        app = start(
            [BIN / "gunicorn", "lms.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.app_workers), "--timeout", "30",
             "--forwarded-allow-ips", "127.0.0.1"],
            env,
            app_log,
        )  # fmt: skip
        wait_until_up(url, app, app_log)
        warm_up(url, args.app_workers, json.loads(accounts_file.read_text()))
        say(
            f"== gunicorn ({args.app_workers} workers síncronos, "
            f"lms.settings.production, DEBUG apagado) en {url}"
        )
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
        try:
            master.wait(timeout=total + 120)
        except subprocess.TimeoutExpired:
            say("Locust no terminó a tiempo")
        if not results_file.exists():
            say(master_log.read_text()[-3000:])
            raise SystemExit("Locust no dejó resultados")
        results = json.loads(results_file.read_text())
        print_stages(results, args.locust_workers)
        server_errors = [
            line
            for line in app_log.read_text(errors="replace").splitlines()
            if "Traceback" in line or "[CRITICAL]" in line or "WORKER TIMEOUT" in line
        ]
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
                f"{logins} inicios de sesión, {failures} errores"
            )
            if failures or server_errors or not submits or not logins:
                return 1
        return 0
    finally:
        stop_all()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
