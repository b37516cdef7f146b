// The technician's device commands: `kiosk devices --json` (works with zero devices) and
// `kiosk scan classify TEXT --json` (kind and parsed fields, CCCD masked).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { kioskArgv } from '../support/cli';

function kiosk(...args: string[]) {
  const dir = tempDir();
  try {
    const run = spawnSync(process.execPath, kioskArgv([...args, '--data-dir', dir.path, '--json']), { encoding: 'utf8' });
    return { status: run.status, json: JSON.parse(run.stdout) as Record<string, unknown> };
  } finally {
    dir.remove();
  }
}

describe('kiosk devices / scan classify', () => {
  it('lists what node-hid sees as one JSON document', () => {
    const { status, json } = kiosk('devices');
    expect(status).toBe(0);
    expect(json).toMatchObject({ ok: true, selection: 'auto', devices: expect.any(Array) });
    expect(json.count).toBe((json.devices as unknown[]).length);
  });

  it('classifies an ISBN and a card', () => {
    expect(kiosk('scan', 'classify', '978-604-1-23456-7').json).toMatchObject({
      ok: true,
      kind: 'isbn',
      isbn: { normalised: '9786041234567', format: 'isbn-13' },
    });
    expect(kiosk('scan', 'classify', 'BD000123').json).toMatchObject({ ok: true, kind: 'card' });
  });

  it('shows a CCCD with the ID masked and its validity', () => {
    const valid = kiosk('scan', 'classify', '001099012345|123456789|Nguyễn Văn An|01021999|Nam|Hà Nội|15062021');
    expect(valid.status).toBe(0);
    expect(valid.json).toMatchObject({ kind: 'cccd', cccd: { valid: true, idNumber: '001*******45', birthDate: '1999-02-01', gender: 'male' } });
    expect(JSON.stringify(valid.json)).not.toContain('001099012345');
    const invalid = kiosk('scan', 'classify', '001199012345||Nguyễn Văn An|01021999|Nam|Hà Nội|15062021');
    expect(invalid.json).toMatchObject({ kind: 'cccd', cccd: { valid: false, errors: [expect.objectContaining({ code: 'century_gender' })] } });
  });

  it('masks an unrecognised CCCD-shaped text in full (a truncated QR is not a CCCD, but still holds the number and name)', () => {
    const truncated = kiosk('scan', 'classify', '001090123456|012345678|Nguyễn Văn An|01011990');
    const printed = JSON.stringify(truncated.json);
    for (const secret of ['001090123456', '012345678', 'Nguyễn Văn An', '01011990']) expect(printed).not.toContain(secret);
    expect(truncated.json).toMatchObject({ ok: true, text: '001*******56|…' });
  });
});
