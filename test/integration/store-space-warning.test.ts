// Issue #22: staff home warns before the disk is full. The threshold is configurable
// (storage.warnBelowMegabytes) and by default a week of use plus one backup; below it, staff home
// lists "disk almost full" with the free megabytes and the self-test says what can be deleted.
// Real free space of the test's own disk (statfs), no simulated figures: a threshold far above any
// disk's free space is "low", the default on a disk with room is not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StaffOverview } from '#contract/technician';
import { hashPin } from '../../electron/core/staff/pin';
import { freeBytes } from '../../electron/core/store/disk';
import { backupSettled } from '../../electron/core/backup/daily';
import { openTestKiosk } from '../support/kiosk';

/** A configured kiosk with this storage section and one staff member (as first-run setup adds them). */
async function configuredKiosk(storage: Record<string, number>) {
  const t = await openTestKiosk({
    configure: (dir) => writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify({ library: { name: 'Thư viện xã thử', communeCode: '12345' }, storage })),
  });
  t.kiosk.db
    .prepare(
      "INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES ('NV0001', 'Lê Thị Thu', 'staff', ?, '2026-12-01T01:00:00.000Z')",
    )
    .run(await hashPin('147258'));
  return t;
}

async function overview(storage: Record<string, number>) {
  const t = await configuredKiosk(storage);
  const { token } = await t.call<{ token: string }>('staff.signIn', { card: 'NV0001', pin: '147258' });
  // The self-test names what can be deleted from the data folder: its first backup must have been written.
  await backupSettled(t.kiosk.ctx);
  const home = await t.call<StaffOverview>('technician.staffOverview', { staffToken: token });
  const selfTest = await t.call<{ checks: { id: string; status: string; message: string }[] }>('system.selfTest');
  return { home, disk: selfTest.checks.find((c) => c.id === 'disk')!, free: freeBytes(t.dataDir)! };
}

describe('staff home warns before the disk is full (issue #22)', () => {
  it('below the configured threshold, staff home shows the free megabytes and the self-test what to delete', async () => {
    // 1,000,000 MB (the largest allowed) is more than this disk has free.
    const { home, disk, free } = await overview({ warnBelowMegabytes: 1_000_000 });
    expect(free).toBeLessThan(1_000_000 * 1048576);
    const warning = home.attention.find((a) => a.id === 'disk_low');
    expect(warning).toMatchObject({ severity: 'error', page: 'self-test' });
    // Other processes write to this disk meanwhile: the figure is the free space within a few percent.
    expect(warning!.count! * 1048576).toBeGreaterThan(free * 0.9);
    expect(warning!.count! * 1048576).toBeLessThan(free * 1.1 + 1048576);
    expect(disk.status).toBe('warning');
    expect(disk.message).toContain('Ổ đĩa sắp đầy');
    expect(disk.message).toContain('dưới mức cảnh báo 1000000.0 MB (đặt trong cấu hình, storage.warnBelowMegabytes)');
    expect(disk.message).toContain('Có thể xóa bớt');
  });

  it('with room for a week of use and a backup (the default threshold), nothing is flagged', async () => {
    const { home, disk, free } = await overview({});
    // The default needs about 350 MB (7 × 50 MB a day plus the database); a test machine has that.
    expect(free).toBeGreaterThan(1024 * 1048576);
    expect(home.attention.map((a) => a.id)).not.toContain('disk_low');
    expect(disk.status).toBe('ok');
  });
});
