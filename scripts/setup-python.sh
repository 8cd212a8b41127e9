#!/usr/bin/env bash
# The Python examples and the Python rules are checked against CPython: the tests need python3
# 3.8 or later. On a machine without it, install Debian's (as root), or say the one command to run.
set -euo pipefail
log() { printf '[setup-python] %s\n' "$*" >&2; }
good() { python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)' >/dev/null 2>&1; }

if good; then
  log "$(python3 --version 2>&1) at $(command -v python3)"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "python3 3.8 or later is missing: installing Debian's python3"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq python3 >/dev/null
  good && { log "$(python3 --version 2>&1) installed"; exit 0; }
fi
log "python3 3.8 or later is missing, and this script cannot install it."
log "Run this once as root, then run npm test again:"
log "    sudo apt-get update && sudo apt-get install -y python3"
exit 1
