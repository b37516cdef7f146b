#!/usr/bin/env bash
# The wall-clock guard (.ci/run runs it after `npm test`): the suites that start kiosk processes run
# once more with the MACHINE clock set, by libfaketime, to instants where a hidden read of it would
# show — and in a time zone that is neither UTC nor Vietnam's:
#   - the integration tests (every CLI, host, collector and core test that spawns or opens a kiosk)
#     at Sunday 2026-12-06 23:50 Vietnam time: the internet closes in minutes, the week ends;
#   - the end-to-end specs about time (internet sessions, announcements of the day, staff idle sign-out,
#     holds and circulation due dates, statistics periods, the portal's default period) at Monday 2026-12-07 00:05 Vietnam time,
#     when the Vietnamese day is not the UTC day nor the Los Angeles day.
# Tests give every kiosk process its clock (--test-clock) and every page its clock (page.clock), so
# none of this may change a result. A failure here that `npm test` did not have means a new
# dependency on the machine's clock: find the Date.now()/new Date() it comes through and inject it.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ="${CLOCK_GUARD_TZ:-America/Los_Angeles}"
status=0

echo "=== clock guard: integration tests at Sunday 23:50 (Vietnam), TZ=$TZ" >&2
scripts/at-time.sh '2026-12-06 23:50:00 +07:00' node_modules/.bin/vitest run test/integration --reporter=dot || status=1

echo "=== clock guard: end-to-end specs at Monday 00:05 (Vietnam), TZ=$TZ" >&2
KIOSK_TEST_OUT="${KIOSK_TEST_OUT:-test-results/clock-guard}" scripts/at-time.sh '2026-12-07 00:05:00 +07:00' node_modules/.bin/playwright test \
  test/e2e/internet.spec.ts test/e2e/announcements.spec.ts test/e2e/staff.spec.ts test/e2e/holds.spec.ts \
  test/e2e/circulation.spec.ts test/e2e/statistics.spec.ts test/e2e/home.spec.ts test/e2e/portal.spec.ts --reporter=dot || status=1

if [ "$status" -ne 0 ]; then
  echo "clock guard: FAILED — a test or the kiosk depends on the machine's clock or time zone (see above)." >&2
else
  echo "clock guard: passed at two night-time instants with TZ=$TZ" >&2
fi
exit "$status"
