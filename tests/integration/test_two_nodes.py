"""Two app nodes behind nginx, sharing PostgreSQL, Redis and the media volume.

Two gunicorn processes with the production settings (throwaway signing keys, as
`make check-deploy` makes them) serve the test database on two ports; Debian's
nginx runs deploy/nginx/infom.conf itself in front of them (its ports, paths and
TLS certificate replaced by the test's own, nothing else). A person signs in on
one node and carries on on the other; a file handed in on one node is
downloaded through the other (nginx sends it from the shared volume by
X-Accel-Redirect); publishing a page purges the anonymous page cache of both;
nginx spreads requests over both nodes.
"""

import datetime
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

from cursos.models import SubmissionFile
from home.models import NewsPage
from lms.security import (
    ASSIGNMENT_SUBMIT_MAX_BYTES,
    ASSIGNMENT_SUBMIT_PREFIX,
    DEFAULT_MAX_REQUEST_BYTES,
)
from tests.cursos.assignments_support import (
    PDF,
    add_assignment,
    edition_course,
    enrolled,
)
from tests.factories import UserFactory, news_article

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST = "aprende.infom.gob.gt"
ORIGIN = f"https://{HOST}"
PASSWORD = "Clave-de-prueba-2026"  # noqa: S105
DEPLOY = Path(settings.BASE_DIR) / "deploy" / "nginx"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process, log: Path, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what} terminó al arrancar:\n{log.read_text()[-3000:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"{what} no abrió el puerto {port}:\n{log.read_text()[-3000:]}")


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "fullchain.pem", folder / "privkey.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def nginx_config(folder: Path, ports: dict, cert: Path, key: Path) -> Path:
    """deploy/nginx/infom.conf with the test's ports, folders and certificate,
    inside a main configuration whose pid, logs and temporary files live in
    ``folder``. Every value replaced must be in the file (drift fails here)."""
    text = (DEPLOY / "infom.conf").read_text()
    replacements = {
        "server 127.0.0.1:8001 ": f"server 127.0.0.1:{ports['a']} ",
        "server 127.0.0.1:8002 ": f"server 127.0.0.1:{ports['b']} ",
        "listen 80;": f"listen 127.0.0.1:{ports['http']};",
        "listen 443 ssl": f"listen 127.0.0.1:{ports['https']} ssl",
        "/etc/ssl/infom/fullchain.pem": str(cert),
        "/etc/ssl/infom/privkey.pem": str(key),
        "/var/log/nginx/infom.access.log": str(folder / "nginx-access.log"),
        "/var/log/nginx/infom.error.log": str(folder / "nginx-error.log"),
        "/srv/infom/staticfiles/": f"{folder / 'static'}/",
        "/srv/infom/media/": f"{folder / 'media'}/",
        "/srv/infom/privado/": f"{folder / 'privado'}/",
        "/etc/nginx/infom_proxy.conf": str(DEPLOY / "infom_proxy.conf"),
    }
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx/infom.conf ya no contiene {old!r}"
        text = text.replace(old, new)
    site = folder / "infom.conf"
    site.write_text(text)
    temp = folder / "nginx-tmp"
    temp.mkdir()
    user = "user root root;\n" if os.geteuid() == 0 else ""
    main = folder / "nginx.conf"
    main.write_text(
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'nginx-main-error.log'} warn;\n"
        "events { worker_connections 128; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        f"    client_body_temp_path {temp / 'body'};\n"
        f"    proxy_temp_path {temp / 'proxy'};\n"
        f"    fastcgi_temp_path {temp / 'fastcgi'};\n"
        f"    uwsgi_temp_path {temp / 'uwsgi'};\n"
        f"    scgi_temp_path {temp / 'scgi'};\n"
        f"    include {site};\n"
        "}\n"
    )
    return main


def manage(*args, env):
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def cluster(django_db_setup, django_db_blocker, tmp_path_factory):
    """nginx on a free port in front of nodes "a" and "b"; yields the ports and
    the folder with the logs. Everything started here is stopped at the end."""
    from django.db import connection

    if not Path(NGINX).exists():
        pytest.fail(
            "Esta prueba necesita nginx (paquete de Debian): `apt-get install nginx` "
            "(`make test-integration` lo instala si falta)."
        )
    # The test process's own cache (under pytest-xdist each worker has its own
    # Redis database): the nodes must share it, so what this process purges
    # when it publishes is what they read.
    cache_url = str(settings.CACHES["default"].get("LOCATION", ""))
    if not cache_url.startswith("redis://"):
        pytest.fail(
            "Esta prueba necesita Redis compartido por los dos nodos: defina "
            "CACHE_URL=redis://… (lo hace `make test-integration`)."
        )
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.fail(
                "Esta prueba necesita PostgreSQL: ejecútela con "
                "`make test-integration`."
            )
        db = connection.settings_dict
    folder = tmp_path_factory.mktemp("dos-nodos")
    for name in ("static", "media", "privado", "firma", "claves"):
        (folder / name).mkdir()
    ports = {name: free_port() for name in ("a", "b", "http", "https")}
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": HOST,
        "CSRF_TRUSTED_ORIGINS": ORIGIN,
        "SITE_URL": ORIGIN,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        "CACHE_URL": cache_url,
        "CELERY_BROKER_URL": "memory://",
        "EMAIL_URL": "dummymail://",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "privado"),
        "PRIVATE_MEDIA_ACCEL_PREFIX": "/_privado/",
        "TRUSTED_PROXY_COUNT": "1",
        "CERTIFICATE_SIGNING_KEY": str(folder / "firma" / "firma.key"),
        "CERTIFICATE_SIGNING_CERT": str(folder / "firma" / "firma.pem"),
        "CERTIFICATE_SIGNING_CHAIN": str(folder / "firma" / "cadena.pem"),
        "CREDENTIAL_SIGNING_KEYS_DIR": str(folder / "claves"),
    }
    manage(
        "crear_firma_demo",
        "--directorio",
        str(folder / "firma"),
        "--settings=lms.settings.test",
        env={k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    manage("credential_key", env=env)
    manage("collectstatic", "--noinput", env=env)

    processes = []
    logs = []

    def start(command, log_path, what, port):
        log = open(log_path, "w")  # noqa: SIM115
        logs.append(log)
        process = subprocess.Popen(  # noqa: S603
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        processes.append(process)
        wait_for_port(port, process, log_path, what)

    try:
        for node in ("a", "b"):
            start(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "lms.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{ports[node]}",
                    "--workers",
                    "2",
                    "--timeout",
                    "30",
                    "--access-logfile",
                    str(folder / f"nodo-{node}.access.log"),
                ],
                folder / f"nodo-{node}.log",
                f"gunicorn (nodo {node})",
                ports[node],
            )
        cert, key = self_signed_certificate(folder)
        main = nginx_config(folder, ports, cert, key)
        nginx = [NGINX, "-c", str(main), "-p", str(folder), "-e", "stderr"]
        checked = subprocess.run(  # noqa: S603
            [*nginx, "-t"], capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stderr
        start(
            [*nginx, "-g", "daemon off;"],
            folder / "nginx.log",
            "nginx",
            ports["https"],
        )
        yield ports, folder
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for log in logs:
            log.close()


class Browser:
    """A person's browser, aimed at one address at a time: a node directly
    (as the proxy would send it: X-Forwarded-Proto https) or nginx over TLS.
    Cookies are kept by name, whatever the address."""

    def __init__(self):
        import requests
        import urllib3

        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        self.http = requests.Session()
        self.cookies: dict[str, str] = {}

    def request(self, method, base, path, **kwargs):
        headers = {"Host": HOST, **kwargs.pop("headers", {})}
        if base.startswith("http://"):
            headers["X-Forwarded-Proto"] = "https"
        response = self.http.request(
            method,
            base + path,
            headers=headers,
            cookies=dict(self.cookies),
            allow_redirects=False,
            verify=False,
            timeout=30,
            **kwargs,
        )
        self.http.cookies.clear()
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        return response

    def get(self, base, path, **kwargs):
        return self.request("GET", base, path, **kwargs)

    def post_form(self, base, page, action, data, files=None):
        """Open ``page`` and post its form for ``action`` with its CSRF token."""
        html = self.get(base, page).text
        form = re.search(
            rf'<form[^>]*action="{re.escape(action)}"[^>]*>(.*?)</form>', html, re.S
        )
        form_html = form.group(1) if form else html
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_html)
        assert token, f"{page}: no form for {action}"
        return self.request(
            "POST",
            base,
            action,
            data={"csrfmiddlewaretoken": token.group(1), **data},
            files=files,
            headers={"Origin": ORIGIN, "Referer": ORIGIN + page},
        )


def node(ports, name):
    return f"http://127.0.0.1:{ports[name]}"


def proxy(ports):
    return f"https://127.0.0.1:{ports['https']}"


def person(**fields):
    """A learner whose password the nodes can check (the test settings hash
    with MD5; production does not accept it)."""
    user = UserFactory(**fields)
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, secrets.token_hex(8))
    user.save(update_fields=["password"])
    return user


def sign_in(browser, base, user):
    response = browser.post_form(
        base,
        "/cuentas/login/",
        "/cuentas/login/",
        {"login": user.email, "password": PASSWORD},
    )
    assert response.status_code == 302, response.text[:2000]
    assert "sessionid" in browser.cookies


def test_nginx_limits_match_the_apps_upload_limits():
    """client_max_body_size: a little above Django's global limit (its own
    Spanish 413 page is what people see), and the assignment route above the
    largest submission Django allows there."""
    text = (DEPLOY / "infom.conf").read_text()
    sizes = [
        int(m) * 1024 * 1024 for m in re.findall(r"client_max_body_size (\d+)m", text)
    ]
    general, submit = sizes
    assert DEFAULT_MAX_REQUEST_BYTES < general <= DEFAULT_MAX_REQUEST_BYTES * 1.1
    assert ASSIGNMENT_SUBMIT_MAX_BYTES < submit <= ASSIGNMENT_SUBMIT_MAX_BYTES * 1.1
    route = re.search(r"location ~ (\S+) \{\s*client_max_body_size 501m", text)
    submit_url = reverse("cursos:assignment-submit", args=[123])
    assert submit_url.startswith(ASSIGNMENT_SUBMIT_PREFIX)
    assert re.match(route.group(1), submit_url)


def test_signed_in_on_one_node_carries_on_on_the_other(cluster):
    ports, _folder = cluster
    learner = person(full_name="Rosa Elvira Chiquín")
    browser = Browser()
    sign_in(browser, node(ports, "a"), learner)
    for base in (node(ports, "b"), proxy(ports), proxy(ports)):
        page = browser.get(base, "/mi-aprendizaje/")
        assert page.status_code == 200, base
        assert "Rosa Elvira Chiquín" in page.text
    # Signing out on node B ends the session on node A too.
    browser.post_form(node(ports, "b"), "/cuentas/logout/", "/cuentas/logout/", {})
    answer = browser.get(node(ports, "a"), "/mi-aprendizaje/")
    assert answer.status_code == 302 and "/cuentas/login/" in answer.headers["Location"]


def test_handed_in_on_one_node_downloaded_through_the_other(cluster):
    ports, folder = cluster
    course, cohort = edition_course()
    assignment = add_assignment(course, max_points=100, max_file_mb=1)
    learner = person()
    enrolled(course, cohort, user=learner)
    browser = Browser()
    sign_in(browser, node(ports, "a"), learner)
    page = browser.get(node(ports, "a"), assignment.url).text
    token = page.split('name="token" value="')[1].split('"')[0]
    action = reverse("cursos:assignment-submit", args=[assignment.pk])
    handed_in = browser.post_form(
        node(ports, "a"),
        assignment.url,
        action,
        {"token": token, "texto": "Diagnóstico municipal"},
        files={"archivos": ("plan-municipal.pdf", PDF, "application/pdf")},
    )
    assert handed_in.status_code == 302, handed_in.text[:2000]
    stored = SubmissionFile.objects.get(version__submission__enrollment__user=learner)
    download = reverse("cursos:submission-file", args=[stored.pk])

    # Node B allows it and hands the sending to nginx: no bytes from Django.
    direct = browser.get(node(ports, "b"), download)
    assert direct.status_code == 200 and direct.content == b""
    assert direct.headers["X-Accel-Redirect"] == f"/_privado/{stored.file.name}"
    # Through nginx, from either node, the file itself.
    for _ in range(4):
        answer = browser.get(proxy(ports), download)
        assert answer.status_code == 200 and answer.content == PDF
        assert answer.headers["Content-Type"] == "application/pdf"
        assert (
            answer.headers["Content-Disposition"]
            == 'attachment; filename="plan-municipal.pdf"'
        )
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in answer.headers["Cache-Control"]
        assert "X-Accel-Redirect" not in answer.headers
    for name in ("a", "b"):
        log = (folder / f"nodo-{name}.access.log").read_text()
        assert f"GET {download} " in log, f"nginx no envió la descarga al nodo {name}"
    upstreams = set(
        re.findall(
            r"upstream=127\.0\.0\.1:(\d+)", (folder / "nginx-access.log").read_text()
        )
    )
    assert upstreams == {str(ports["a"]), str(ports["b"])}

    # The private folder is never reachable by URL, and neither is a stranger's file.
    assert browser.get(proxy(ports), f"/_privado/{stored.file.name}").status_code == 404
    stranger = Browser()
    sign_in(stranger, proxy(ports), person())
    assert stranger.get(proxy(ports), download).status_code == 404


def test_publishing_purges_the_page_cache_of_both_nodes(cluster):
    ports, _folder = cluster
    article = news_article(title="Convocatoria anterior")
    anonymous = Browser()
    for name in ("a", "b"):
        anonymous.get(node(ports, name), article.url)
    for name in ("a", "b"):
        cached = anonymous.get(node(ports, name), article.url)
        assert cached.status_code == 200 and cached.headers["X-Page-Cache"] == "HIT"
        assert "Convocatoria anterior" in cached.text
    assert anonymous.cookies == {}

    article = NewsPage.objects.get(pk=article.pk)
    article.title = "Convocatoria nueva"
    article.save_revision().publish()

    for base in (node(ports, "a"), node(ports, "b"), proxy(ports), proxy(ports)):
        fresh = anonymous.get(base, article.url)
        assert fresh.status_code == 200, base
        assert "Convocatoria nueva" in fresh.text, base
        assert "Convocatoria anterior" not in fresh.text, base
