#!/usr/bin/env bash
# Runs a command as if the machine's clock read INSTANT (libfaketime; the clock runs on from there),
# to show that the tests do not depend on the real date, hour, weekday or time zone. INSTANT carries
# its offset, so it is the same moment whatever TZ the command gets:
#   TZ=America/Los_Angeles scripts/at-time.sh '2026-12-06 23:50:00 +07:00' npx vitest run test/integration
# Checks first that Node sees the fake time, so a broken libfaketime cannot pass silently.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: scripts/at-time.sh 'YYYY-MM-DD hh:mm:ss +07:00' command [args…]" >&2
  exit 2
fi
instant="$1"
shift
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 2; }
# Node caches nothing itself, but libfaketime would cache its settings without this.
export FAKETIME_NO_CACHE=1
want="$(date -d "$instant" +%s)"
seen="$(faketime "$instant" node -e 'process.stdout.write(String(Math.floor(Date.now() / 1000)))')"
if [ $((seen - want)) -lt 0 ] || [ $((seen - want)) -gt 60 ]; then
  echo "libfaketime does not reach node: wanted $want, node saw $seen" >&2
  exit 2
fi
echo "at-time: the machine clock reads $(TZ=Asia/Ho_Chi_Minh date -d "@$seen" '+%A %F %T') in Vietnam, TZ=${TZ:-unset}" >&2
exec faketime "$instant" "$@"
