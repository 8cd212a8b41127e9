#!/usr/bin/env bash
# Installs what the real-VS-Code tests need into a cache outside the clone, once:
# Debian's Chromium, a Node 24 binary from npm (code-server refuses any other major),
# and code-server (playwright-core is a devDependency of the project). Re-running is cheap: each step is skipped when present.
set -euo pipefail
CACHE="${WEAKREF_LESSONS_CACHE:-$HOME/.cache/weakref-lessons}"
CS_VERSION=4.139.1
mkdir -p "$CACHE"
log() { printf '[setup-real-vscode] %s\n' "$*" >&2; }

# Run from `npm test`, this script inherits the outer npm's variables. The installs below must not:
# code-server's postinstall reads its Node version from npm_config_user_agent ("node/v20") and
# refuses to install, and npm_config_prefix/_global would redirect where packages go.
while IFS= read -r var; do unset "$var"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

if ! command -v chromium >/dev/null 2>&1 || [ ! -e /usr/include/gssapi/gssapi.h ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing chromium and libkrb5-dev from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium libkrb5-dev >/dev/null
  else
    log "Chromium or libkrb5-dev (code-server's build needs its headers) is missing, and only root can install them."
    log "Run this once as root, then run npm test again:"
    log "    sudo apt-get update && sudo apt-get install -y chromium libkrb5-dev"
    exit 1
  fi
fi

# The installs below run npm under Node 24, whose install prefix (and so npm's default global
# config, where a machine keeps its registry and CA settings) is not the system Node's: keep the
# system npm's global config for them.
npm_config_globalconfig="$(npm config get globalconfig)"
export npm_config_globalconfig

if [ ! -x "$CACHE/node24/node_modules/node/bin/node" ]; then
  log "installing Node 24 (npm package node@24)"
  mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && echo '{"private":true}' > package.json && npm install --no-audit --no-fund --loglevel=error node@24 >/dev/null)
fi
NODE24_BIN="$CACHE/node24/node_modules/node/bin"
# code-server builds native modules with node-gyp, which would download Node 24's headers: there is
# no network for that here. The npm package of Node ships them, so point node-gyp at those.
NODE24_HEADERS=$(dirname "$(dirname "$(ls -d "$CACHE"/node24/node_modules/node/node_modules/node-*/include/node 2>/dev/null | head -n 1)")")
[ -f "$NODE24_HEADERS/include/node/node_version.h" ] || { log "Node 24's headers are missing from $CACHE/node24"; exit 1; }

if [ ! -x "$CACHE/code-server/node_modules/.bin/code-server" ]; then
  log "installing code-server@$CS_VERSION (a few minutes)"
  mkdir -p "$CACHE/code-server"
  (cd "$CACHE/code-server" && echo '{"private":true}' > package.json && \
    PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_HEADERS" npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >/dev/null)
fi

log "ready in $CACHE"
