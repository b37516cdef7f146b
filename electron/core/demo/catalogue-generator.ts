// Generates realistic Vietnamese bibliographic records for the demo kiosk, tests and benchmarks.
// Deterministic for a seed, so a test can name the book it expects to find; scales to the
// benchmark's 200,000 records (some titles get a volume or edition so large catalogues stay varied).
import { intBetween, pick, seededRandom, type Random } from './random';
import * as words from './vietnamese-words';

export interface GeneratedRecord {
  controlNumber: string;
  title: string;
  authors: string[];
  subjects: string[];
  publisher: string;
  year: number;
  isbn: string;
  callNumber: string;
  summary: string;
  items: { barcode: string; location: string }[];
}

export function personName(random: Random): string {
  return `${pick(random, words.FAMILY_NAMES)} ${pick(random, words.MIDDLE_NAMES)} ${pick(random, words.GIVEN_NAMES)}`;
}

function fill(pattern: string, random: Random): string {
  return pattern
    .replace('{a}', pick(random, words.TOPIC_A))
    .replace('{b}', pick(random, words.TOPIC_B))
    .replace('{c}', pick(random, words.TOPIC_C))
    .replace('{d}', pick(random, words.TOPIC_D))
    .replace('{e}', pick(random, words.TOPIC_E))
    .replace('{f}', pick(random, words.TOPIC_F))
    .replace('{g}', pick(random, words.TOPIC_G))
    .replace('{h}', pick(random, words.TOPIC_H))
    .replace('{i}', pick(random, words.TOPIC_I));
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** ISBN-13 with the Vietnamese 978-604 prefix and a correct check digit. */
export function isbn13(random: Random): string {
  const body = `978604${String(intBetween(random, 0, 9_999_999))
    .padStart(6, '0')
    .slice(0, 6)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

export function generateCatalogue(count: number, seed = 20261123): GeneratedRecord[] {
  const random = seededRandom(seed);
  const records: GeneratedRecord[] = [];
  let barcode = 1;
  for (let i = 0; i < count; i++) {
    const base = capitalise(fill(pick(random, words.TITLE_PATTERNS), random));
    // Series and re-issues are common in commune collections: "… Tập 2", "… (tái bản lần thứ 3)".
    const variant = random();
    const title = variant < 0.12 ? `${base}. Tập ${intBetween(random, 1, 5)}` : variant < 0.18 ? `${base} (tái bản lần thứ ${intBetween(random, 2, 6)})` : base;
    const authors = random() < 0.2 ? [personName(random), personName(random)] : [personName(random)];
    const subjects = [...new Set([pick(random, words.SUBJECTS), pick(random, words.SUBJECTS)])].slice(0, random() < 0.5 ? 1 : 2);
    const copies = intBetween(random, 1, 3);
    const items = Array.from({ length: copies }, () => ({
      barcode: `TV${String(barcode++).padStart(6, '0')}`,
      location: `Kệ ${intBetween(random, 1, 12)}`,
    }));
    records.push({
      controlNumber: `DEMO${String(i + 1).padStart(6, '0')}`,
      title,
      authors,
      subjects,
      publisher: pick(random, words.PUBLISHERS),
      year: intBetween(random, 1995, 2026),
      isbn: isbn13(random),
      callNumber: `${intBetween(random, 100, 899)}.${intBetween(random, 0, 9)}`,
      summary: `${title}: sách về ${subjects.join(', ').toLocaleLowerCase('vi')}, dành cho bạn đọc ở cơ sở.`,
      items,
    });
  }
  return records;
}
