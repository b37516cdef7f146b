// The scan handed from the home screen to the circulation screen: taken once, kept while that screen
// loads on a slow PC (more than five seconds happens), and dropped when the home screen is shown again,
// so it never signs in whoever opens the circulation screen next. Fake time only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanEvent } from '#contract/devices';
import { dropHandedOffScan, HANDOFF_HELD_MS, handOffScan, takeHandedOffScan } from '../../../renderer/src/screens/circulation/handoff';

const card = { kind: 'card', text: 'BD000005' } as ScanEvent;

describe('the scan handed from home to the circulation screen', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-12-02T03:00:00Z') }));
  afterEach(() => {
    dropHandedOffScan();
    vi.useRealTimers();
  });

  it('waits for a screen that takes long to load, and is taken once', () => {
    handOffScan(card);
    vi.advanceTimersByTime(20_000);
    expect(takeHandedOffScan()).toEqual(card);
    expect(takeHandedOffScan()).toBeUndefined();
  });

  it('is dropped when the home screen shows again, and past its safety limit', () => {
    handOffScan(card);
    dropHandedOffScan();
    expect(takeHandedOffScan()).toBeUndefined();
    handOffScan(card);
    vi.advanceTimersByTime(HANDOFF_HELD_MS);
    expect(takeHandedOffScan()).toBeUndefined();
  });
});
