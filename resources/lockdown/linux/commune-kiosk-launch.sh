#!/usr/bin/env bash
# Starts the installed kiosk (the .deb puts it in /opt, the AppImage is copied to /opt/commune-kiosk).
# Installed as /usr/local/bin/commune-kiosk-launch by setup-kiosk-user.sh; undo with --undo there.
set -euo pipefail
for candidate in "/opt/Kiosk Phong Doc Xa/commune-kiosk" /opt/commune-kiosk/commune-kiosk.AppImage /usr/bin/commune-kiosk; do
  if [[ -x "$candidate" ]]; then
    exec "$candidate" "$@"
  fi
done
echo "Không tìm thấy kiosk đã cài (kiểm tra /opt). Hãy cài gói .deb hoặc chép AppImage vào /opt/commune-kiosk/commune-kiosk.AppImage." >&2
exit 1
