// `kiosk patron pin|record|erase` and `kiosk patrons retention` (issue #16): the built CLI on a demo
// data folder, signed in as the demo staff member, secrets in the environment (never in argv).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../electron/core/demo/seed';
import { fresh, kiosk, kioskArgv } from '../support/cli';

/** One CLI command with extra environment (the staff PIN, a resident's new PIN). */
function kioskEnv(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, kioskArgv(args), { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const staff = DEMO_STAFF[0];
const env = { KIOSK_PIN: staff.pin };

describe('kiosk patron pin / record / erase, kiosk patrons retention', () => {
  it('sets a resident PIN read from the environment, refusing an easy one', () => {
    const dir = fresh();
    expect(kioskEnv(env, 'patron', 'pin', 'BD000003', '--staff', staff.card, '--data-dir', dir).stderr).toContain('KIOSK_RESIDENT_PIN');
    expect(kioskEnv({ ...env, KIOSK_RESIDENT_PIN: '1234' }, 'patron', 'pin', 'BD000003', '--staff', staff.card, '--data-dir', dir).stderr).toContain(
      'quá dễ đoán',
    );
    const set = kioskEnv({ ...env, KIOSK_RESIDENT_PIN: '2580' }, 'patron', 'pin', 'BD000003', '--staff', staff.card, '--data-dir', dir);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Đã đặt mã PIN mới');
  });

  it('prints the record and erases with a reason from the list, once', () => {
    const dir = fresh();
    expect(kiosk('patron', 'record', 'BD000003', '--staff', staff.card, '--data-dir', dir).stderr).toContain('KIOSK_PIN');
    const record = kioskEnv(env, 'patron', 'record', 'BD000003', '--staff', staff.card, '--data-dir', dir);
    expect(record.code, record.stderr).toBe(0);
    expect(record.stdout).toContain('Mã PIN: không');
    expect(kioskEnv(env, 'patron', 'erase', 'BD000003', '--reason', 'vì sao', '--staff', staff.card, '--data-dir', dir).stderr).toContain('resident_request');
    const erased = kioskEnv(env, 'patron', 'erase', 'BD000003', '--reason', 'moved_away', '--staff', staff.card, '--data-dir', dir);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain('GIẤY XÁC NHẬN XÓA THÔNG TIN BẠN ĐỌC');
  });

  it('lists residents due for anonymisation and asks for the count seen before applying', () => {
    const dir = fresh();
    const retention = kioskEnv(env, 'patrons', 'retention', '--staff', staff.card, '--data-dir', dir);
    expect(retention.code, retention.stderr).toBe(0);
    expect(retention.stdout).toContain('Không có bạn đọc nào vắng quá 3 năm, hay sẽ đến hạn trong 30 ngày tới.');
    expect(kioskEnv(env, 'patrons', 'retention', '--staff', staff.card, '--apply', 'hai', '--data-dir', dir).stderr).toContain('--apply cần số');
  });
});
