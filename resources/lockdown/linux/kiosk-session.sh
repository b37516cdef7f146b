#!/usr/bin/env bash
# The only graphical session of the `kiosk` user: no desktop, no panel, no task switcher.
# Prefers cage (a Wayland compositor that shows one full-screen application); without cage it
# runs as a bare X session. The kiosk itself is run by the systemd user unit commune-kiosk.service
# (Restart=always), so this script only sets the screen up and waits.
# Installed as /usr/local/bin/commune-kiosk-session by setup-kiosk-user.sh; undo with --undo there.
set -euo pipefail

launch=/usr/local/bin/commune-kiosk-launch

if [[ -z "${WAYLAND_DISPLAY:-}" && -z "${DISPLAY:-}" ]] && command -v cage >/dev/null 2>&1; then
  # From a text login (tty autologin): cage gives a Wayland session with the kiosk as its only window.
  exec cage -d -- "$launch"
fi

if [[ -n "${DISPLAY:-}" ]]; then
  # No screen blanking or power saving: the kiosk decides what the screen shows.
  xset s off -dpms s noblank 2>/dev/null || true
  # Ctrl+Alt+Backspace must not kill the X server.
  setxkbmap -option '' 2>/dev/null || true
fi

systemctl --user import-environment DISPLAY WAYLAND_DISPLAY XAUTHORITY XDG_RUNTIME_DIR 2>/dev/null || true
if systemctl --user start commune-kiosk.service 2>/dev/null; then
  # The session lives as long as the unit is wanted; systemd restarts the kiosk when it ends.
  while systemctl --user is-enabled --quiet commune-kiosk.service 2>/dev/null; do sleep 30; done
else
  # No user systemd (rare): restart the kiosk ourselves, with the same 3 s pause.
  while true; do
    "$launch" || true
    sleep 3
  done
fi
