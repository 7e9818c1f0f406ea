#!/usr/bin/env bash
# Installs and starts the services the tests need (sourced by scripts/test.sh).
# Nothing yet: the numerical core and the embedded engine need no external service.
true
