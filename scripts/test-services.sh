#!/usr/bin/env bash
# Installs and starts the services the tests need (sourced by scripts/test.sh).
# promtool (Debian's prometheus package) checks the silo's /metrics exposition in Observability.Tests.
command -v promtool >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null; }
