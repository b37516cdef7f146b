// Safe browsing by age (issue #15, finding 8): the shipped category lists and the decision per
// resident category. xvideos.com, pornhub.com and bet88.com were "allowed" in a child's session.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideUrl, type UrlPolicy } from '../../../electron/core/internet/url-policy';
import {
  categoryMatch,
  defaultWebProtection,
  loadCategoryLists,
  protectionFor,
  webProtectionSection,
  CATEGORY_LISTS,
} from '../../../electron/core/internet/web-protection';
import { tempDir } from '../../support/temp-dir';

const resources = fileURLToPath(new URL('../../../resources/internet/', import.meta.url));
const shipped = loadCategoryLists(resources, null);

function policyFor(category: string | null, config = defaultWebProtection): UrlPolicy {
  const protection = protectionFor(config, category);
  return { mode: 'block-list', allow: [], block: [], categoryBlock: (host) => categoryMatch(shipped, protection, host) };
}

describe('the shipped category lists', () => {
  it('has every list, each with entries', () => {
    for (const name of CATEGORY_LISTS) expect(shipped.get(name)?.entries, name).toBeGreaterThan(5);
  });
  it.each(['https://xvideos.com/', 'https://www.pornhub.com/view', 'https://bet88.com/', 'https://m.bet88.vip/', 'https://XNXX.COM../'])(
    "%s is blocked in a child's session",
    (url) => {
      const decision = decideUrl(policyFor('child'), url);
      expect(decision).toMatchObject({ decision: 'block', rule: 'category-list' });
      expect(decision.reason).toMatch(/người lớn|cờ bạc/);
    },
  );
  it('does not block look-alike suffixes or ordinary sites', () => {
    for (const url of ['https://notpornhub.com/', 'https://pornhub.com.vn.example/', 'https://vnexpress.net/', 'https://dichvucong.gov.vn/']) {
      expect(decideUrl(policyFor('child'), url).decision, url).toBe('allow');
    }
  });
});

describe('the decision per resident category', () => {
  it('adults get adult content and gambling blocked by default, dating allowed', () => {
    expect(decideUrl(policyFor('default'), 'https://pornhub.com/').decision).toBe('block');
    expect(decideUrl(policyFor('default'), 'https://bet88.com/').decision).toBe('block');
    expect(decideUrl(policyFor('default'), 'https://tinder.com/').decision).toBe('allow');
    expect(decideUrl(policyFor('child'), 'https://tinder.com/').decision).toBe('block');
  });
  it("a technician can turn the adult lists off, never the children's", () => {
    const off = webProtectionSection.parse({ adultLists: [] });
    expect(decideUrl(policyFor('default', off), 'https://pornhub.com/').decision).toBe('allow');
    expect(decideUrl(policyFor('child', off), 'https://pornhub.com/').decision).toBe('block');
    expect(protectionFor(off, 'child').lists.sort()).toEqual(['adult', 'dating', 'gambling']);
  });
  it('guests are adults unless the room treats them as children', () => {
    expect(protectionFor(defaultWebProtection, null).audience).toBe('adult');
    expect(protectionFor(webProtectionSection.parse({ guestsAsChildren: true }), null).audience).toBe('child');
    expect(protectionFor(webProtectionSection.parse({ childCategories: ['child', 'pupil'] }), 'pupil').audience).toBe('child');
  });
});

describe('a list updated from a file', () => {
  it("takes the technician's copy in <data-dir>/internet-lists over the shipped one", () => {
    const dir = tempDir();
    try {
      mkdirSync(join(dir.path, 'internet-lists'));
      writeFileSync(join(dir.path, 'internet-lists', 'gambling.txt'), '# cập nhật\nnew-casino.example\n');
      const lists = loadCategoryLists(resources, dir.path);
      const adult = protectionFor(defaultWebProtection, 'default');
      expect(categoryMatch(lists, adult, 'www.new-casino.example')).toEqual({ list: 'gambling', entry: 'new-casino.example' });
      expect(categoryMatch(lists, adult, 'bet88.com')).toBeUndefined();
      expect(categoryMatch(lists, adult, 'pornhub.com')?.list).toBe('adult');
    } finally {
      dir.remove();
    }
  });
});
