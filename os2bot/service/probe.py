# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""The container's health check: asks the running service's /healthz on its configured port.

`python -m os2bot.service.probe` exits 0 when /healthz answers 200, else 1. It reads the port
and address where `os2bot run` reads them (`service.port` and `service.host` in os2bot.yaml,
`OS2BOT_SERVICE_HOST`), so the image's HEALTHCHECK follows a changed port.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from pathlib import Path

from os2bot.config import ConfigError, load_config
from os2bot.settings import Settings

HTTP_OK = 200
WILDCARDS = {"0.0.0.0", "::", ""}  # noqa: S104 - names of "every address", not a bind


def health_url(host: str, port: int) -> str:
    """Where /healthz answers for a service bound to *host* (every interface: the loopback)."""
    if host in WILDCARDS:
        host = "127.0.0.1"
    return f"http://[{host}]:{port}/healthz" if ":" in host else f"http://{host}:{port}/healthz"


def main() -> int:
    """0 when the service says it is healthy, 1 otherwise (also when it cannot be asked)."""
    settings = Settings()
    try:
        config = load_config(settings.config or Path("config"))
    except ConfigError:
        return 1
    service = config.bot.service
    request = urllib.request.Request(  # noqa: S310 - http on a fixed local address
        health_url(settings.service_host or service.host, service.port), method="HEAD"
    )
    try:
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310
            return 0 if response.status == HTTP_OK else 1
    except (urllib.error.URLError, OSError):
        return 1


if __name__ == "__main__":
    sys.exit(main())
