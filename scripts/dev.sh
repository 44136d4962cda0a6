#!/usr/bin/env bash
# Set up everything Agent Assist needs on Debian 12 / Ubuntu, then run it.
#
#   bash scripts/dev.sh panel [ARGS...]   set up, then open the panel
#   bash scripts/dev.sh test  [PYTEST ARGS...]   set up, then lint, type-check and test
#
# System packages are installed with apt-get when run as root; otherwise the exact
# sudo line is printed. Python packages go into .venv beside this repo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
cd "$ROOT"

# Qt's xcb platform plugin, a CJK font, the clipboard tool, a virtual X server for
# tests, sqlite3 for the export benchmark baseline, PostgreSQL and its client library
# for team sync and its tests, openbox (a window manager for the summon-key tests), GNU time for the benchmarks, binutils for PyInstaller,
# a D-Bus daemon for the bundle's keychain test, LibreOffice Calc (headless) to check
# how a spreadsheet opens the CSV export.
SYSTEM_PACKAGES=(
  python3-venv python3-pip
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 libdbus-1-3
  fonts-noto-cjk xclip xvfb xauth xdotool openbox xterm sqlite3 postgresql time
  binutils desktop-file-utils dbus-daemon libreoffice-calc-nogui
)

log() { printf 'agent-assist setup: %s\n' "$*" >&2; }

missing_packages() {
  local pkg
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s ' "$pkg"
    fi
  done
}

install_system_packages() {
  command -v dpkg-query >/dev/null || { log "not a Debian-like system; install Qt's xcb libraries, a CJK font, xclip and Xvfb yourself"; return; }
  local missing
  missing="$(missing_packages)"
  [ -z "$missing" ] && return
  if [ "$(id -u)" -eq 0 ]; then
    log "installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    log "these system packages are missing; run this, then run this command again:"
    printf '\n    sudo apt-get install -y %s\n\n' "$missing" >&2
    exit 1
  fi
}

install_python_packages() {
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating $VENV"
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.installed" want
  want="$(cat pyproject.toml | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing Python packages into $VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
    echo "$want" > "$stamp"
  fi
}

command="${1:-}"
shift || true
case "$command" in
  panel)
    install_system_packages
    install_python_packages
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      log "no display found: starting the panel on a virtual screen (xvfb-run)"
      exec xvfb-run -a "$VENV/bin/agent-assist" "$@"
    fi
    exec "$VENV/bin/agent-assist" "$@"
    ;;
  test)
    install_system_packages
    install_python_packages
    log "ruff"
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    log "mypy"
    "$VENV/bin/mypy"
    log "pytest"
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh panel|test [ARGS...]" >&2
    exit 64
    ;;
esac
