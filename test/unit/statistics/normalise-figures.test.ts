// normaliseDayFigures reads any kiosk's day figures by today's definitions (issue #24): property
// tests over figures as older and newer kiosks send them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFigures, normaliseDayFigures, type DayFigures } from '#contract/statistics';

const count = fc.integer({ min: 0, max: 5000 });
/** items_added as a kiosk before #24 sent it: own + rotation in the total, the split always there. */
const olderItemsAdded = fc
  .record({ own: count, rotation: count })
  .filter(({ own, rotation }) => own + rotation > 0)
  .map(({ own, rotation }) => ({
    total: own + rotation,
    by: { collection: { ...(own ? { own } : {}), ...(rotation ? { rotation } : {}) } },
  }));
const other = fc.record({ loans: fc.record({ total: count.filter((n) => n > 0) }) }, { requiredKeys: [] });
const older = fc.tuple(olderItemsAdded, other).map(([items_added, rest]) => ({ ...rest, items_added }) as DayFigures);
const newer = fc
  .tuple(
    count.filter((n) => n > 0),
    other,
  )
  .map(([own, rest]) => ({ ...rest, items_added: { total: own } }) as DayFigures);

describe('normaliseDayFigures', () => {
  it("an older kiosk's acquisitions become its own books only, nothing else changes", () => {
    fc.assert(
      fc.property(older, (figures) => {
        const out = normaliseDayFigures(figures);
        expect(dayFigures.safeParse(out).success).toBe(true);
        expect(out.items_added?.total ?? 0).toBe(figures.items_added!.by!.collection!.own ?? 0);
        expect(out.loans).toEqual(figures.loans);
      }),
    );
  });

  it("today's figures pass unchanged, and reading twice is reading once", () => {
    fc.assert(
      fc.property(newer, (figures) => {
        expect(normaliseDayFigures(figures)).toEqual(figures);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(older, newer), (figures) => {
        expect(normaliseDayFigures(normaliseDayFigures(figures))).toEqual(normaliseDayFigures(figures));
      }),
    );
  });
});
