#!/usr/bin/env bash
# Install Agent Assist for the current user, under ~/.local (no root needed).
#
#   bash scripts/install_linux.sh [--bundle DIR] [--autostart]
#   bash scripts/install_linux.sh --uninstall [--purge]
#
# Installs the one-folder bundle (DIR is the output of scripts/build_bundle.py, e.g.
# dist/agent-assist; without --bundle it is built now from .venv) as:
#   ~/.local/opt/agent-assist/                      the app
#   ~/.local/bin/agent-assist                       the command (opens the panel)
#   ~/.local/share/applications/agent-assist.desktop   the menu entry
#   ~/.local/share/icons/hicolor/*/apps/agent-assist.{png,svg}
#   ~/.config/autostart/agent-assist.desktop        with --autostart: start at login
# Installing again replaces the app in place (upgrade). --uninstall removes all of the
# above and keeps the agent's data (~/.local/share/agent-assist: calls, drafts,
# settings, backups, logs); --purge removes that too. XDG_DATA_HOME and
# XDG_CONFIG_HOME are honoured.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME=agent-assist
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
CONFIG_HOME="${XDG_CONFIG_HOME:-$HOME/.config}"
OPT="$HOME/.local/opt/$NAME"
BIN="$HOME/.local/bin"
LAUNCHER="$BIN/$NAME"
APPS="$DATA_HOME/applications"
DESKTOP="$APPS/$NAME.desktop"
ICONS="$DATA_HOME/icons/hicolor"
AUTOSTART="$CONFIG_HOME/autostart/$NAME.desktop"
DATA="$DATA_HOME/$NAME"  # platformdirs.user_data_dir("agent-assist", appauthor=False)
MARK="# installed by agent-assist install_linux.sh"

log() { printf 'agent-assist install: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

usage() {
  sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 64
}

refresh_caches() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$APPS" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
    gtk-update-icon-cache -q -f -t "$ICONS" 2>/dev/null || true
  fi
}

icon_files() {  # relative paths of the icons we install, one per line
  local source="$1"
  (cd "$source/icons/hicolor" && find . -type f -name "$NAME.*" | sed 's|^\./||')
}

build_bundle() {
  local python="$ROOT/.venv/bin/python" out
  [ -x "$python" ] || die "no --bundle given and no $ROOT/.venv: run 'bash scripts/dev.sh test' once, or pass --bundle DIR"
  out="$(mktemp -d)"
  log "building the bundle (a minute or so)"
  "$python" "$ROOT/scripts/build_bundle.py" --dist "$out/dist" --work "$out/work" --quiet >&2
  BUNDLE="$out/dist/$NAME"
  CLEANUP="$out"
}

install_app() {
  [ -x "$BUNDLE/$NAME" ] || die "$BUNDLE/$NAME not found: --bundle wants the folder scripts/build_bundle.py makes"
  if [ -e "$LAUNCHER" ] && ! grep -qF "$MARK" "$LAUNCHER" 2>/dev/null; then
    die "$LAUNCHER exists and is not ours (a pip install?); remove it and run this again"
  fi
  mkdir -p "$(dirname "$OPT")" "$BIN" "$APPS" "$ICONS"
  # Copy beside the old version, then swap: a failed copy leaves the old app working.
  rm -rf "$OPT.new" "$OPT.old"
  cp -a "$BUNDLE" "$OPT.new"
  [ -e "$OPT" ] && mv "$OPT" "$OPT.old"
  mv "$OPT.new" "$OPT"
  rm -rf "$OPT.old"

  cat > "$LAUNCHER" <<EOF
#!/bin/sh
$MARK
exec "$OPT/$NAME" "\$@"
EOF
  chmod 755 "$LAUNCHER"

  local resources="$OPT/_internal/assistant/_resources/linux"
  [ -d "$resources" ] || resources="$ROOT/resources/linux"
  sed -e "s|^Exec=.*|Exec=$LAUNCHER|" -e "s|^TryExec=.*|TryExec=$LAUNCHER|" \
    "$resources/$NAME.desktop" > "$DESKTOP.tmp"
  mv "$DESKTOP.tmp" "$DESKTOP"
  if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$DESKTOP" || log "warning: desktop-file-validate complained about $DESKTOP"
  fi
  local icon
  while IFS= read -r icon; do
    mkdir -p "$ICONS/$(dirname "$icon")"
    cp "$resources/icons/hicolor/$icon" "$ICONS/$icon"
  done < <(icon_files "$resources")

  if [ "$AUTOSTART_WANTED" = 1 ]; then
    mkdir -p "$(dirname "$AUTOSTART")"
    { cat "$DESKTOP"; echo "X-GNOME-Autostart-enabled=true"; } > "$AUTOSTART"
  else
    rm -f "$AUTOSTART"
  fi
  refresh_caches
  log "installed $("$OPT/$NAME" --version 2>/dev/null || echo "$NAME") in $OPT"
  log "run '$NAME' or open Agent Assist from the applications menu"
  case ":$PATH:" in
    *":$BIN:"*) ;;
    *) log "note: $BIN is not on your PATH; the menu entry works anyway" ;;
  esac
}

uninstall_app() {
  local icon
  if [ -d "$ICONS" ]; then
    while IFS= read -r icon; do
      rm -f "$ICONS/$icon"
    done < <(cd "$ICONS" && find . -path "*/apps/$NAME.*" | sed 's|^\./||')
    # The size folders this install made, if nothing else is in them now.
    find "$ICONS" -mindepth 1 -maxdepth 2 -type d -empty -delete 2>/dev/null || true
  fi
  rm -f "$DESKTOP" "$AUTOSTART"
  if [ -e "$LAUNCHER" ] && grep -qF "$MARK" "$LAUNCHER" 2>/dev/null; then
    rm -f "$LAUNCHER"
  fi
  rm -rf "$OPT" "$OPT.new" "$OPT.old"
  refresh_caches
  if [ "$PURGE" = 1 ]; then
    rm -rf "$DATA"
    log "removed Agent Assist and its data ($DATA)"
  else
    log "removed Agent Assist; your calls, drafts and settings are kept in $DATA"
    log "(run with --uninstall --purge to remove them too)"
  fi
  if [ -n "${AGENT_ASSIST_DATA_DIR:-}" ]; then
    log "AGENT_ASSIST_DATA_DIR is set: $AGENT_ASSIST_DATA_DIR was not touched"
  fi
}

ACTION=install
BUNDLE=""
AUTOSTART_WANTED=0
PURGE=0
CLEANUP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) [ $# -ge 2 ] || usage; BUNDLE="$(cd "$2" && pwd)"; shift ;;
    --bundle=*) BUNDLE="$(cd "${1#*=}" && pwd)" ;;
    --autostart) AUTOSTART_WANTED=1 ;;
    --uninstall) ACTION=uninstall ;;
    --purge) PURGE=1 ;;
    -h|--help) usage ;;
    *) log "unknown option: $1"; usage ;;
  esac
  shift
done
trap '[ -n "$CLEANUP" ] && rm -rf "$CLEANUP"' EXIT

if [ "$ACTION" = uninstall ]; then
  uninstall_app
else
  [ "$PURGE" = 0 ] || die "--purge goes with --uninstall"
  [ -n "$BUNDLE" ] || build_bundle
  install_app
fi
