# syntax=docker/dockerfile:1
# OpenTelemetry Collector (contrib) plus a static busybox, only so that a container health
# check can call the collector's health_check extension: the upstream image is FROM scratch
# and has no shell, curl or wget. Built by deploy/compose/docker-compose.yml.

FROM busybox:1.36.1-musl AS tools

FROM otel/opentelemetry-collector-contrib:0.120.0 AS runtime
COPY --from=tools /bin/busybox /busybox
# The upstream image's own unprivileged uid.
USER 10001
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["/busybox", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:13133/"]
