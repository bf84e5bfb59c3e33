"""Exam day as Locust plays it (run by bench/load/run.py; see README.md).

Each simulated person takes the final exam once, as a browser does it: opens
"Mi aprendizaje", the quiz page, starts the attempt (form post with the CSRF
token read from the page), loads the attempt page, answers question after
question, and submits, then reads the result. With JavaScript (most people)
each answer is saved 400 ms after it changes, as static/js/evaluacion.js does:
a form-encoded POST (URLSearchParams) of only the question that changed
(``pregunta=<key>`` and its choices) with ``accion=guardar`` and
``X-Requested-With: fetch``.
Without JavaScript there is no autosave: the form is posted once with
``accion=enviar``. Between steps a person thinks 5-10 s.
When done, the next official sits down with a fresh account.

A share of people arrive signed out and sign in through allauth's login form
(the login storm at the exam's start); everyone else carries a session
prepared by seed.py. Locust stands where nginx would: it sends
``X-Forwarded-Proto: https`` and ``X-Forwarded-For`` with the person's own
address (the app runs with TRUSTED_PROXY_COUNT=1, as docs/deploy.md says), and
its cookie jar returns Secure cookies over the loopback's plain HTTP.

A request cut on its way (a killed gunicorn worker: the connection closes
without an answer) is recorded as ``<type> (cortada)`` and made again as the
person would: the autosave on evaluacion.js's backoff, anything else once
after a short pause; cut twice, it is a failure. Every answer the server
confirmed (an autosave's ``{"guardado": true}``, a submit's redirect to the
result) is written to this process's journal (confirmed.py) for verify.py.

Any answer that is not the expected one (status, redirect target, or page
content) is a failure. The load shape (stages) and the per-stage figures,
including the CPU of the app, the database and the load generator, are
measured on the master (``StageShape``) and written to LOAD_RESULTS.
"""

import json
import logging
import os
import random
import time
from http.cookiejar import Cookie, DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urlencode

import gevent
import psutil
from confirmed import RESEND_PAUSE, Journal, autosave_backoff, is_cut
from locust import FastHttpUser, LoadTestShape, task
from locust.runners import WorkerRunner
from scenario_pages import (
    ATTEMPT_PATH,
    CSRF,
    START_FORM,
    attempt_form,
    autosave_fields,
    form_encoded,
)

STAGES = [
    (int(users), int(seconds))
    for users, seconds in (
        part.split(":") for part in os.environ.get("LOAD_STAGES", "50:30").split(",")
    )
]
THINK = tuple(float(s) for s in os.environ.get("LOAD_THINK", "5,10").split(","))
NOJS_SHARE = float(os.environ.get("LOAD_NOJS_SHARE", "0.2"))
LOGIN_SHARE = float(os.environ.get("LOAD_LOGIN_SHARE", "0.1"))
WORKERS = int(os.environ.get("LOAD_LOCUST_WORKERS", "1"))
AUTOSAVE_DELAY = 0.4  # evaluacion.js: setTimeout(save, 400) after a change
CUT = object()  # a request cut on its way (see ExamTaker.request)


class _NoJournal:
    def __getattr__(self, _name):
        return lambda *args: None


# What the server confirmed, for verify.py (one file per Locust process).
JOURNAL = (
    Journal(os.environ["LOAD_CONFIRMED_DIR"])
    if os.environ.get("LOAD_CONFIRMED_DIR")
    else _NoJournal()
)


def _data() -> dict:
    data = getattr(_data, "cached", None)
    if data is None:
        data = _data.cached = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text())
    return data


def _every(n: int, share: float) -> bool:
    return share > 0 and n % max(1, round(1 / share)) == 0


class Refused(Exception):
    """An answer that is not what a browser expects: the journey stops there."""


class ExamTaker(FastHttpUser):
    # The next official sits down after a pause, as between steps.
    def wait_time(self):
        return random.uniform(*THINK)

    journeys = 0  # per process: accounts this worker has handed out
    arrivals = 0  # per process: people who have sat down

    def on_start(self):
        runner = self.environment.runner
        index = runner.worker_index if isinstance(runner, WorkerRunner) else 0
        self.slot_base = index
        self.first = True
        # The TLS of a real deployment ends at the proxy Locust stands for:
        # the cookies the app marks Secure travel over the loopback's HTTP.
        self.client.cookiejar.set_policy(
            DefaultCookiePolicy(secure_protocols=("https", "wss", "http"))
        )
        # Every n-th arriving person signs in with the password (the storm);
        # every n-th journey is made without JavaScript. Counted, not drawn,
        # so a small population still has both.
        self.arrival = ExamTaker.arrivals
        ExamTaker.arrivals += 1

    def _next_account(self):
        n = ExamTaker.journeys
        ExamTaker.journeys += 1
        accounts = _data()["accounts"]
        position = self.slot_base + n * WORKERS
        if position >= len(accounts):
            raise RuntimeError("no quedan cuentas sembradas para otro examen")
        return accounts[position]

    # ------------------------------------------------------------ helpers
    def think(self, saver=None):
        seconds = random.uniform(*THINK)
        if saver:
            saver.wait(seconds)
        else:
            gevent.sleep(seconds)

    def headers(self, extra=None):
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "User-Agent": "Mozilla/5.0 (carga INFOM)",
        }
        if extra:
            headers.update(extra)
        return headers

    def post_headers(self, referer):
        origin = f"https://{self.host.split('://', 1)[1].rstrip('/')}"
        return self.headers({"Origin": origin, "Referer": origin + referer})

    def request(self, method, path, name, *, headers, body=None, judge, resend=True):
        """One request as the person makes it. A request cut on its way (the
        worker serving it was killed: connection closed or reset, or a
        proxy's 502) is recorded as ``<name> (cortada)``, not as an error, and
        the person makes it again once after RESEND_PAUSE (reloads the page
        or sends the form again, as the browser's error page offers); cut
        again, it is an error. Without ``resend`` (the autosave, which
        evaluacion.js retries on its own schedule) a cut request returns CUT.
        ``judge`` fails a wrong answer or returns what the journey needs."""
        for last in (False, True):
            with self.client.request(
                method,
                path,
                name=name,
                data=body,
                headers=headers,
                allow_redirects=False,
                catch_response=True,
            ) as response:
                exception = response.request_meta["exception"]
                if is_cut(response.status_code, exception):
                    why = exception or f"HTTP {response.status_code}"
                    if last and resend:
                        response.failure(f"{name}: cortada dos veces ({why})")
                        raise Refused(name)
                    response.request_meta["name"] = f"{name} (cortada)"
                    logging.info("cortada: %s %s: %r", method, path, why)
                    response.success()
                else:
                    return judge(response)
            if not resend:
                return CUT
            gevent.sleep(RESEND_PAUSE)

    def get(self, path, name, *, expect_in=None):
        def judge(response):
            if response.status_code != 200:
                response.failure(f"{name}: HTTP {response.status_code}")
                raise Refused(name)
            text = response.text or ""
            if expect_in and expect_in not in text:
                response.failure(f"{name}: la página no es la esperada")
                raise Refused(name)
            response.success()
            return text

        return self.request("GET", path, name, headers=self.headers(), judge=judge)

    def post(self, path, name, *, referer, data, redirect_to=None, extra=None):
        headers = self.post_headers(referer)
        if extra:
            headers.update(extra)
        if isinstance(data, tuple):  # content type and body, ready
            headers["Content-Type"], body = data
        else:  # a plain form post, fields in the page's order
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            pairs = data.items() if isinstance(data, dict) else data
            body = urlencode(list(pairs)).encode()

        def judge(response):
            status = response.status_code
            if redirect_to is not None:
                location = response.headers.get("Location", "")
                if status != 302 or not redirect_to(location):
                    response.failure(f"{name}: HTTP {status} → {location or '-'}")
                    raise Refused(name)
                response.success()
                return location
            if status != 200:
                response.failure(f"{name}: HTTP {status}")
                raise Refused(name)
            response.success()
            return response.text or ""

        return self.request("POST", path, name, headers=headers, body=body, judge=judge)

    def sign_in_with_session(self, session_key):
        self.client.cookiejar.clear()
        host = self.host.split("://", 1)[1].split(":")[0]
        self.client.cookiejar.set_cookie(
            Cookie(0, _data()["session_cookie"], session_key, None, False, host,
                   False, False, "/", True, True, None, False, None, None, {})
        )  # fmt: skip

    def sign_in_with_password(self, email):
        self.client.cookiejar.clear()
        page = self.get(
            "/cuentas/login/?next=/mi-aprendizaje/", "login page", expect_in="password"
        )
        self.think()
        self.post(
            "/cuentas/login/?next=/mi-aprendizaje/",
            "login",
            referer="/cuentas/login/",
            data={
                "csrfmiddlewaretoken": CSRF.search(page).group(1),
                "login": email,
                "password": _data()["password"],
            },
            redirect_to=lambda location: location == "/mi-aprendizaje/",
        )

    # ------------------------------------------------------------ the journey
    @task
    def take_the_exam(self):
        try:
            self.journey()
        except Refused:
            pass  # already counted as a failure; the next person sits down
        except Exception as error:  # noqa: BLE001 - a broken journey is a failure
            self.environment.events.request.fire(
                request_type="JOURNEY",
                name="journey",
                response_time=0,
                response_length=0,
                exception=error,
                context={},
            )

    def journey(self):
        email, session_key = self._next_account()
        self.address = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"  # noqa: E501
        signed_out = self.first and _every(self.arrival, LOGIN_SHARE)
        self.first = False
        with_js = not _every(ExamTaker.journeys + 1, NOJS_SHARE)
        if signed_out:
            self.sign_in_with_password(email)
        else:
            self.sign_in_with_session(session_key)

        data = _data()
        self.get("/mi-aprendizaje/", "dashboard", expect_in=data["course_title"])
        self.think()
        page = self.get(data["quiz_url"], "quiz page")
        start = START_FORM.search(page)
        if not start:
            raise Refused("quiz page")
        self.think()
        location = self.post(
            start.group(1),
            "start",
            referer=data["quiz_url"],
            data={"csrfmiddlewaretoken": CSRF.search(page).group(1)},
            redirect_to=ATTEMPT_PATH.match,
        )
        page = self.get(location, "attempt page", expect_in="formulario-intento")
        action, token, questions = attempt_form(page)
        if not questions:
            raise Refused("attempt page")

        attempt = int(ATTEMPT_PATH.match(location).group(1))
        saver = Autosaver(self, attempt, action, location, token) if with_js else None
        chosen: dict[str, list[str]] = {}
        for name, choices in questions.items():
            self.think(saver)
            keys = [value for _, value in choices]
            if choices[0][0] == "checkbox":
                chosen[name] = random.sample(keys, random.randint(1, 2))
            else:
                chosen[name] = [random.choice(keys)]
            if saver:
                saver.change(name, chosen[name])
                saver.wait(AUTOSAVE_DELAY)
        self.think(saver)
        if saver and saver.dirty:
            # The page goes away with its retry pending; the form carries
            # every answer anyway.
            JOURNAL.pending(attempt, sorted(saver.dirty))
        form = [("csrfmiddlewaretoken", token)]
        form += [(name, key) for name, keys in chosen.items() for key in keys]
        form.append(("accion", "enviar"))
        result = self.post(
            action,
            "submit",
            referer=location,
            data=form,
            redirect_to=lambda target: target == f"{location}resultado/",
        )
        JOURNAL.submitted(attempt, _stored(chosen))
        self.get(result, "result", expect_in=data["quiz_title"])

    def autosave(self, action, referer, token, changed):
        """One save as evaluacion.js sends it: True when the server answered
        ``{"guardado": true}``, False when the request was cut."""
        content_type, body = form_encoded(autosave_fields(token, changed))
        headers = self.post_headers(referer)
        headers.update(
            {
                "X-Requested-With": "fetch",
                "Accept": "*/*",
                "Content-Type": content_type,
            }
        )

        def judge(response):
            text = response.text or ""
            status = response.status_code
            saved = '"guardado": true' in text or '"guardado":true' in text
            if status != 200 or not saved:
                response.failure(f"autosave: HTTP {status}")
                raise Refused("autosave")
            response.success()
            return True

        outcome = self.request(
            "POST", action, "autosave", headers=headers, body=body, judge=judge,
            resend=False,
        )  # fmt: skip
        return outcome is not CUT


def _stored(answers: dict[str, list[str]]) -> dict[str, list[str]]:
    """Field names (``q-<key>``) as the attempt stores them (``<key>``)."""
    return {name.removeprefix("q-"): keys for name, keys in answers.items()}


class Autosaver:
    """The attempt page's script, played in the person's own time: a change
    is saved AUTOSAVE_DELAY later with every question changed since the last
    save; a cut save is tried again after ``autosave_backoff`` (2, 4, 8… 30 s),
    unless another change comes first and sends it sooner, as
    ``later(400)`` replaces the pending retry in evaluacion.js. Other
    failures end the journey (the script stops on a 400, 403 or 404 too)."""

    def __init__(self, user, attempt, action, referer, token):
        self.user, self.attempt = user, attempt
        self.action, self.referer, self.token = action, referer, token
        self.dirty: dict[str, list[str]] = {}
        self.retries = 0
        self.due = None  # time.monotonic() of the next save

    def change(self, name, keys):
        self.dirty[name] = keys
        self.due = time.monotonic() + AUTOSAVE_DELAY

    def wait(self, seconds):
        """The person spends ``seconds`` (thinking); the page's timer fires
        whatever save falls due meanwhile."""
        until = time.monotonic() + seconds
        while self.due is not None and self.due <= until:
            gevent.sleep(max(0.0, self.due - time.monotonic()))
            self.save()
        gevent.sleep(max(0.0, until - time.monotonic()))

    def save(self):
        self.due = None
        sent = dict(self.dirty)
        if self.user.autosave(self.action, self.referer, self.token, sent):
            self.retries = 0
            for name in sent:
                del self.dirty[name]
            JOURNAL.saved(self.attempt, _stored(sent))
        else:
            self.retries += 1
            self.due = time.monotonic() + autosave_backoff(self.retries)


# ------------------------------------------------------------------ measuring
def _group_pids() -> dict[str, set[int]]:
    """Process ids of the app (gunicorn), the database (PostgreSQL backends of
    the load database plus the server's own background processes), Redis and
    the load generator (the Locust master and its workers)."""
    groups = {"app": set(), "db": set(), "redis": set(), "generator": set()}
    app = int(os.environ.get("LOAD_APP_PID", "0"))
    database = os.environ.get("LOAD_DATABASE", "infom_load")
    generator = {int(p) for p in os.environ.get("LOAD_GENERATOR_PIDS", "").split()}
    generator.add(os.getpid())
    for process in psutil.process_iter(["pid", "ppid", "name", "cmdline"]):
        info = process.info
        name = info["name"] or ""
        cmdline = " ".join(info["cmdline"] or [])
        if info["pid"] == app or info["ppid"] == app:
            groups["app"].add(info["pid"])
        elif info["pid"] in generator or info["ppid"] in generator:
            groups["generator"].add(info["pid"])
        elif name in ("postgres", "postmaster"):
            backend = cmdline.startswith("postgres: ") and " 127.0.0.1(" in cmdline
            if not backend or f" {database} " in cmdline:
                groups["db"].add(info["pid"])
        elif name.startswith("redis-server"):
            groups["redis"].add(info["pid"])
    return groups


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """CPU seconds per group since ``reset``, sampled every tick (processes
    that end between two samples keep their last reading)."""

    def __init__(self):
        self.last: dict[int, tuple[str, float]] = {}
        self.start: dict[int, float] = {}
        self.busy_start = _busy_seconds()

    def sample(self):
        for group, pids in _group_pids().items():
            for pid in pids:
                try:
                    times = psutil.Process(pid).cpu_times()
                except psutil.Error:
                    continue
                self.last[pid] = (group, times.user + times.system)

    def reset(self):
        self.sample()
        self.start = {pid: seconds for pid, (_, seconds) in self.last.items()}
        self.busy_start = _busy_seconds()

    def spent(self) -> dict[str, float]:
        self.sample()
        totals = {"app": 0.0, "db": 0.0, "redis": 0.0, "generator": 0.0}
        for pid, (group, seconds) in self.last.items():
            totals[group] += seconds - self.start.get(pid, 0.0)
        totals["machine"] = _busy_seconds() - self.busy_start
        return totals


def _entry_figures(entry) -> dict:
    return {
        "requests": entry.num_requests,
        "failures": entry.num_failures,
        "p50": entry.get_response_time_percentile(0.5) or 0,
        "p95": entry.get_response_time_percentile(0.95) or 0,
        "p99": entry.get_response_time_percentile(0.99) or 0,
    }


class StageShape(LoadTestShape):
    """Stages of LOAD_STAGES ("users:seconds,..."); each stage's figures cover
    the whole stage, its ramp included (the ramp is the exam's opening)."""

    def __init__(self):
        super().__init__()
        self.current = -1
        self.stage_started = 0.0
        self.meter = None
        self.results = []
        self.sampler = None

    def _open(self, index):
        self.runner.stats.reset_all()
        self.meter = self.meter or CpuMeter()
        self.meter.reset()
        self.stage_started = time.monotonic()
        self.current = index

    def _close(self):
        seconds = time.monotonic() - self.stage_started
        cpu = self.meter.spent()
        stats = self.runner.stats
        users, _ = STAGES[self.current]
        self.results.append(
            {
                "users": users,
                "seconds": seconds,
                **_entry_figures(stats.total),
                "rps": stats.total.num_requests / seconds,
                "by_name": {
                    name: _entry_figures(entry)
                    for (name, _method), entry in stats.entries.items()
                },
                "errors": [
                    {"name": e.name, "error": str(e.error), "count": e.occurrences}
                    for e in stats.errors.values()
                ],
                "cpu": {group: value / seconds for group, value in cpu.items()},
            }
        )
        Path(os.environ["LOAD_RESULTS"]).write_text(json.dumps(self.results))

    def tick(self):
        run_time = self.get_run_time()
        elapsed = 0
        for index, (users, seconds) in enumerate(STAGES):
            elapsed += seconds
            if run_time < elapsed:
                if index != self.current:
                    if self.current >= 0:
                        self._close()
                    self._open(index)
                else:
                    self.meter.sample()
                previous = STAGES[index - 1][0] if index else 0
                # Everyone of a stage arrives within its first 15 s.
                return users, max(1.0, abs(users - previous) / 15)
        if self.current >= 0 and len(self.results) < len(STAGES):
            self._close()
        return None
