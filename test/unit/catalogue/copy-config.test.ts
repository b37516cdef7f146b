// The copyCataloguing section of kiosk.config.json: defaults, both kinds of target, and the
// mistakes a technician makes (a file:// or ftp address, a missing database, two servers with
// one name, an unknown key) refused with the key named.
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../electron/core/config/schema';

const library = { name: 'Thư viện xã Thử', communeCode: '12345' };
const parse = (copyCataloguing: unknown) => kioskConfigSchema.safeParse({ library, copyCataloguing });
const paths = (copyCataloguing: unknown) => {
  const result = parse(copyCataloguing);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('copyCataloguing configuration', () => {
  it("has defaults, so { library } alone stays valid, and fills each target's defaults", () => {
    expect(kioskConfigSchema.parse({ library }).copyCataloguing).toEqual({ targets: [], timeoutSeconds: 8, maxRecords: 20, retryMinutes: 10 });
    const parsed = parse({
      targets: [
        { name: 'Koha tỉnh', protocol: 'z3950', host: 'opac.thuvien.vn', database: 'biblios' },
        { name: 'SRU tỉnh', protocol: 'sru', url: 'https://opac.thuvien.vn/sru/biblios' },
      ],
    });
    expect(parsed.success && parsed.data.copyCataloguing.targets).toEqual([
      { name: 'Koha tỉnh', protocol: 'z3950', host: 'opac.thuvien.vn', port: 210, database: 'biblios', recordSyntax: 'usmarc', elementSetName: 'F' },
      { name: 'SRU tỉnh', protocol: 'sru', url: 'https://opac.thuvien.vn/sru/biblios', version: '1.2', recordSchema: 'marcxml', isbnIndex: 'bath.isbn' },
    ]);
  });

  it('takes an account for a Z39.50 server only whole (user and password), and UNIMARC as a record syntax', () => {
    const target = { name: 'A', protocol: 'z3950', host: 'h', database: 'd' };
    expect(paths({ targets: [{ ...target, user: 'thuvienxa', password: 'mat-khau', recordSyntax: 'unimarc' }] })).toEqual([]);
    const half = parse({ targets: [{ ...target, user: 'thuvienxa' }] });
    expect(half.success).toBe(false);
    expect(half.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['copyCataloguing.targets.0', 'máy chủ cần tài khoản thì ghi cả user và password; không cần thì bỏ cả hai'],
    ]);
  });

  it('refuses what a technician could mistype, naming the key', () => {
    expect(paths({ targets: [{ name: 'A', protocol: 'sru', url: 'file:///etc/passwd' }] })).toEqual(['copyCataloguing.targets.0.url']);
    expect(paths({ targets: [{ name: 'A', protocol: 'z3950', host: 'h' }] })).toEqual(['copyCataloguing.targets.0.database']);
    expect(paths({ targets: [{ name: 'A', protocol: 'gopher', host: 'h' }] })).toEqual(['copyCataloguing.targets.0.protocol']);
    expect(
      paths({
        targets: [
          { name: 'A', protocol: 'sru', url: 'http://a/' },
          { name: 'A', protocol: 'sru', url: 'http://b/' },
        ],
      }),
    ).toEqual(['copyCataloguing.targets']);
    expect(paths({ targets: [{ name: 'A', protocol: 'sru', url: 'http://a/', isbnIndex: 'x" or 1=1' }] })).toEqual(['copyCataloguing.targets.0.isbnIndex']);
    expect(paths({ timeoutSeconds: 0 })).toEqual(['copyCataloguing.timeoutSeconds']);
    expect(paths({ retry: 5 })).toEqual(['copyCataloguing']);
  });
});
