// Thư viện số online links: when they count as internet time they open only inside a running
// internet session, otherwise the resident is sent to sign in first; the hand-off to the session
// is read once and forgotten after a few minutes.
import { describe, expect, it } from 'vitest';
import type { OpenResponse } from '#contract/eresources';
import type { InternetState } from '#contract/internet';
import { linkRoute } from '../../../renderer/src/screens/digital-library/link-route';
import { forgetHandedOffLink, handOffLink, LINK_HANDOFF_MS, takeHandedOffLink } from '../../../renderer/src/screens/internet/link-handoff';

type Link = NonNullable<OpenResponse['link']>;
const link = (decision: 'allow' | 'block', countsAsInternetTime: boolean): Link => ({
  decision: { decision, rule: 'test', reason: decision === 'block' ? 'Bị chặn' : 'Được phép', url: 'https://dichvucong.gov.vn/' },
  countsAsInternetTime,
});
const phases: (InternetState['phase'] | undefined)[] = ['free', 'active', 'suspended', 'closed', 'disabled', undefined];

describe('linkRoute', () => {
  it('shows only the explanation for a blocked link, whatever the session', () => {
    for (const phase of phases) {
      expect(linkRoute(link('block', true), phase)).toBe('blocked');
      expect(linkRoute(link('block', false), phase)).toBe('blocked');
    }
  });

  it('opens a free link directly, with or without a session', () => {
    for (const phase of phases) expect(linkRoute(link('allow', false), phase)).toBe('open');
  });

  it('sends a link that counts as internet time through the running session', () => {
    expect(linkRoute(link('allow', true), 'active')).toBe('throughSession');
  });

  it('asks for an internet sign-in when no session is running (or the state is not known yet)', () => {
    for (const phase of ['free', 'suspended', 'closed', 'disabled', undefined] as const) expect(linkRoute(link('allow', true), phase)).toBe('needsSession');
  });
});

describe('the link handed to the internet session', () => {
  it('is read once', () => {
    handOffLink('https://dichvucong.gov.vn/', 1000);
    expect(takeHandedOffLink(2000)).toBe('https://dichvucong.gov.vn/');
    expect(takeHandedOffLink(2000)).toBeUndefined();
  });

  it('is forgotten after a few minutes, or when the resident has left', () => {
    handOffLink('https://dichvucong.gov.vn/', 1000);
    expect(takeHandedOffLink(1000 + LINK_HANDOFF_MS)).toBeUndefined();
    handOffLink('https://dichvucong.gov.vn/', 1000);
    forgetHandedOffLink();
    expect(takeHandedOffLink(1001)).toBeUndefined();
  });
});
