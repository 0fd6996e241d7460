# os2bot as a service: `os2bot run` with /healthz and /metrics, config from /config, state in /data.
# Build stage: build the wheel and install it with its dependencies into a virtualenv.
FROM python:3.11-slim AS build
WORKDIR /src
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md LICENSE ./
COPY os2bot ./os2bot
COPY config ./config
RUN python -m venv /opt/os2bot \
 && /opt/os2bot/bin/pip install --no-cache-dir .

# Run stage: the virtualenv only, as a user without privileges.
FROM python:3.11-slim
LABEL org.opencontainers.image.title="os2bot" \
      org.opencontainers.image.description="OS2's governance bot" \
      org.opencontainers.image.licenses="MPL-2.0"
RUN groupadd --system --gid 10001 os2bot \
 && useradd --system --uid 10001 --gid os2bot --home-dir /data --shell /usr/sbin/nologin os2bot \
 && mkdir -p /data /config \
 && chown os2bot:os2bot /data
COPY --from=build /opt/os2bot /opt/os2bot
COPY --chown=root:root config /config
ENV PATH=/opt/os2bot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    OS2BOT_CONFIG=/config \
    OS2BOT_STATE=/data/os2bot.sqlite3 \
    OS2BOT_SERVICE_HOST=0.0.0.0
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
# /healthz, /metrics and the report bind to all interfaces inside the container
# (OS2BOT_SERVICE_HOST), so the report needs an access rule: OS2BOT_REPORT_TOKEN, or
# service.report.access: proxy (os2bot refuses to start without one). Publish the port only
# where Prometheus, the orchestrator and the readers' proxy can reach it.
EXPOSE 9464
# The check asks /healthz on the port os2bot.yaml configures (service.port), not a fixed one.
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-m", "os2bot.service.probe"]
ENTRYPOINT ["os2bot"]
CMD ["run"]
