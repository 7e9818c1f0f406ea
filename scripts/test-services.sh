#!/usr/bin/env bash
# Installs the services the tests need (sourced by scripts/test.sh). The tests start their own
# instances as child processes on free loopback ports; nothing here is started as a service.
# Cluster.Tests: redis-server (Debian package).
command -v redis-server >/dev/null || (apt-get update && apt-get install -y redis-server)
