// Seeds a demo kiosk: a few hundred Vietnamese books with items, demo patrons with cards, staff
// accounts whose PINs the README states, and a few e-resources. Never runs on a configured kiosk.
import type { Db } from '../store/open';
import { getMeta, setMeta } from '../store/meta';
import { hashPin } from '../staff/pin';
import { generateCatalogue, personName } from './catalogue-generator';
import { intBetween, pick, seededRandom } from './random';
import { VILLAGES } from './vietnamese-words';
import { localDay } from '../../../common/calendar';

export const DEMO_RECORD_COUNT = 300;

/** Documented in the README: staff card NV0001 with PIN 147258, technician KT0001 with PIN 246813 (6 digits, the default minimum). */
export const DEMO_STAFF = [
  { card: 'NV0001', name: 'Cán bộ văn hóa xã (mẫu)', role: 'staff', pin: '147258' },
  { card: 'KT0001', name: 'Kỹ thuật viên tỉnh (mẫu)', role: 'technician', pin: '246813' },
] as const;

export const DEMO_PATRON_CARDS = ['BD000001', 'BD000002', 'BD000003', 'BD000004', 'BD000005', 'BD000006'] as const;

export function isDemoSeeded(db: Db): boolean {
  return getMeta(db, 'demo_seeded') !== undefined;
}

export async function seedDemo(db: Db, now: number): Promise<void> {
  if (isDemoSeeded(db)) return;
  const pinHashes = await Promise.all(DEMO_STAFF.map((s) => hashPin(s.pin)));
  const at = new Date(now).toISOString();
  const random = seededRandom(7);
  const categories = ['child', 'student', 'adult', 'adult', 'senior', 'student'] as const;
  // Card expiry follows the seeding clock, not fixed dates, so a demo kiosk (and every test on one)
  // works in any year: cards run to the end of next year; BD000006's ran out at the end of last year
  // so the refusal path can be seen.
  const year = Number(localDay(now).slice(0, 4));
  const validCard = `${year + 1}-12-31`;
  const expiredCard = `${year - 1}-12-31`;
  const genders = ['female', 'male'] as const;

  db.transaction(() => {
    const collection = db.prepare(`INSERT INTO collections (code, name, kind, created_at) VALUES ('OWN', 'Vốn sách của xã', 'own', ?)`).run(at);
    const insertRecord =
      db.prepare(`INSERT INTO records (control_number, title, authors, subjects, publisher, year, isbn, call_number, summary, created_at, updated_at)
      VALUES (@controlNumber, @title, @authors, @subjects, @publisher, @year, @isbn, @callNumber, @summary, @at, @at)`);
    const insertItem = db.prepare(`INSERT INTO items (barcode, record_id, collection_id, location, status, added_at) VALUES (?, ?, ?, ?, ?, ?)`);
    generateCatalogue(DEMO_RECORD_COUNT).forEach((record, index) => {
      const info = insertRecord.run({ ...record, authors: JSON.stringify(record.authors), subjects: JSON.stringify(record.subjects), at });
      record.items.forEach((item, copy) => {
        // Every 25th title keeps one reference-only copy, as commune rooms do with dictionaries and law books.
        const status = index % 25 === 0 && copy === 0 ? 'reference' : 'available';
        insertItem.run(item.barcode, info.lastInsertRowid, collection.lastInsertRowid, item.location, status, at);
      });
    });

    const insertPatron = db.prepare(`INSERT INTO patrons (card_number, full_name, birth_year, gender, category, village, card_expiry, status, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    DEMO_PATRON_CARDS.forEach((card, i) => {
      const category = categories[i]!;
      const birthYear = category === 'child' ? 2016 : category === 'student' ? 2008 : category === 'senior' ? 1955 : intBetween(random, 1970, 1995);
      const expiry = i === 5 ? expiredCard : validCard;
      insertPatron.run(card, personName(random), birthYear, pick(random, genders), category, pick(random, VILLAGES), expiry, 'active', at);
    });

    const insertStaff = db.prepare(`INSERT INTO staff (card_number, display_name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)`);
    DEMO_STAFF.forEach((s, i) => insertStaff.run(s.card, s.name, s.role, pinHashes[i]!, at));

    const insertResource = db.prepare(
      `INSERT INTO eresources (title, description, topic, audience, format, source, url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    insertResource.run(
      'Cổng thông tin Thư viện số tỉnh',
      'Kho tài liệu số của thư viện tỉnh.',
      'Văn hóa – lịch sử địa phương',
      'all',
      'link',
      'Thư viện tỉnh',
      'https://thuvien.example.gov.vn/',
      at,
    );
    insertResource.run(
      'Tủ sách pháp luật',
      'Văn bản pháp luật thường dùng ở cơ sở.',
      'Pháp luật',
      'adult',
      'link',
      'Tủ sách pháp luật quốc gia',
      'https://phapluat.example.gov.vn/',
      at,
    );
    insertResource.run(
      'Kỹ thuật trồng lúa tiết kiệm nước',
      'Tài liệu hướng dẫn cho nông dân.',
      'Nông nghiệp',
      'adult',
      'link',
      'Khuyến nông tỉnh',
      'https://khuyennong.example.gov.vn/lua',
      at,
    );
    insertResource.run(
      'Truyện tranh an toàn giao thông',
      'Truyện tranh cho thiếu nhi.',
      'Thiếu nhi',
      'child',
      'link',
      'Thư viện tỉnh',
      'https://thuvien.example.gov.vn/atgt',
      at,
    );

    setMeta(db, 'demo_seeded', at);
  })();
}
