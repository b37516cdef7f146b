// The first-run wizard's form rules: opening-hours text, PIN confirmation, the optional staff
// account, and that what the form accepts is what the contract accepts.
import { describe, expect, it } from 'vitest';
import { setupRequest } from '#contract/technician';
import { emptySetupForm, parseDayHours, validateSetupForm, type SetupForm } from '../../../renderer/src/screens/technician/setup-form';

function filled(overrides: Partial<SetupForm> = {}): SetupForm {
  return {
    ...emptySetupForm(),
    libraryName: ' Thư viện xã Tân Lập ',
    communeCode: '12345',
    technicianCard: 'KTV777',
    technicianName: 'Nguyễn Văn Kỹ',
    technicianPin: '482613',
    technicianPinAgain: '482613',
    ...overrides,
  };
}

describe('parseDayHours', () => {
  it('reads the ways technicians write hours', () => {
    expect(parseDayHours('07:30-11:30, 13:30-17:00')).toEqual([
      { open: '07:30', close: '11:30' },
      { open: '13:30', close: '17:00' },
    ]);
    expect(parseDayHours('7h30 – 11h30')).toEqual([{ open: '07:30', close: '11:30' }]);
    expect(parseDayHours('  ')).toEqual([]);
  });

  it('refuses reversed, overlapping, malformed and too many intervals', () => {
    expect(parseDayHours('11:30-07:30')).toBeUndefined();
    expect(parseDayHours('07:30-12:00, 11:00-17:00')).toBeUndefined();
    expect(parseDayHours('sáng')).toBeUndefined();
    expect(parseDayHours('25:00-26:00')).toBeUndefined();
    expect(parseDayHours('06:00-07:00,08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00')).toBeUndefined();
  });
});

describe('validateSetupForm', () => {
  it('turns a complete form into a request the contract accepts', () => {
    const result = validateSetupForm(filled());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.libraryName).toBe('Thư viện xã Tân Lập');
    expect(result.request).not.toHaveProperty('staffCard');
    expect(result.request.openingHours.sun).toEqual([]);
    expect(setupRequest.safeParse({ staffToken: 'x'.repeat(32), ...result.request }).success).toBe(true);
  });

  it('names every problem with its field', () => {
    const result = validateSetupForm({
      ...emptySetupForm(),
      technicianPin: '482613',
      technicianPinAgain: '486213',
      hours: { ...emptySetupForm().hours, sat: '9-8' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(
      ['communeCode', 'hours.sat', 'libraryName', 'technicianCard', 'technicianName', 'technicianPinAgain'].sort(),
    );
  });

  it('asks for the whole staff account once any of it is typed, and a different card', () => {
    const partial = validateSetupForm(filled({ staffName: 'Trần Thị Thư' }));
    expect(partial.ok).toBe(false);
    if (!partial.ok) expect(partial.problems.map((p) => p.field)).toEqual(['staffCard', 'staffPin']);
    const same = validateSetupForm(filled({ staffCard: 'ktv777', staffName: 'Trần Thị Thư', staffPin: '730529', staffPinAgain: '730529' }));
    expect(same.ok).toBe(false);
    if (!same.ok) expect(same.problems).toEqual([{ field: 'staffCard', key: 'setup.problems.sameCard' }]);
    const full = validateSetupForm(filled({ staffCard: 'CB0100', staffName: 'Trần Thị Thư', staffPin: '730529', staffPinAgain: '730529' }));
    expect(full.ok && full.request.staffCard).toBe('CB0100');
  });
});
