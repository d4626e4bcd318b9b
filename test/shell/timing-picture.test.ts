import { describe, expect, it } from 'vitest';
import type { ClockTiming } from '../../src/core/types.js';
import { accepted, drawTiming, duration, timingLine } from '../../src/shell/timing-picture.js';

/** A spot clock whose requests land at `leadMs` (± 5 ms) against recvWindow `rw`. */
const spot = (leadMs: number, aheadMs = leadMs, rw = 5000): ClockTiming => ({
  localAheadMs: aheadMs,
  uncertaintyMs: 10,
  arrivalLeadMs: { min: leadMs - 5, max: leadMs + 5 },
  window: { aheadMs: 1000, behindMs: rw },
  windowName: 'recvWindow',
});
const futures = (leadMs: number): ClockTiming => ({
  localAheadMs: leadMs,
  uncertaintyMs: 5,
  arrivalLeadMs: { min: leadMs, max: leadMs },
  window: { aheadMs: 10_001, behindMs: 10_000 },
  windowName: 'the futures window',
});

/** Column of a character on the number line (its last row). */
const at = (rows: string[], ch: string) => [...rows.at(-1)!].indexOf(ch);
/** Column where a label starts, and the label's row. */
function label(rows: string[], text: string): { row: number; start: number } {
  const row = rows.findIndex((r) => r.includes(text));
  return { row, start: row < 0 ? -1 : [...rows[row]!.slice(0, rows[row]!.indexOf(text))].length };
}

const CASES: Array<[string, ClockTiming]> = [
  ['4.2 s ahead', spot(4195, 4200)],
  ['in step', spot(-12, -2)],
  ['6.3 s behind', spot(-6300)],
  ['850 ms ahead, inside', spot(850)],
  ['4.2 s ahead with recvWindow 60000', spot(4200, 4200, 60_000)],
  ['futures, 15 s behind', futures(-15_000)],
  ['futures, 3 s ahead', futures(3000)],
];

describe('the picture of MEXC timing rule', () => {
  it.each(CASES)('%s: fits 60 columns, the window between its edges, MEXC time inside it', (_name, t) => {
    for (const width of [30, 58, 98]) {
      const rows = drawTiming(t, width);
      for (const row of rows) expect([...row].length).toBeLessThanOrEqual(width);
      const [L, M, R] = [at(rows, '├'), at(rows, '┿'), at(rows, '┤')];
      expect(L).toBeGreaterThanOrEqual(0);
      expect(L).toBeLessThan(M);
      expect(M).toBeLessThan(R);
      // Accepted stretch drawn heavy, the rest light.
      expect(rows.at(-1)!.slice(L + 1, R).replace(/[┿●]/g, '')).toMatch(/^━*$/);
    }
  });

  it.each(CASES)('%s: the timestamp lands on the side of the edges its numbers say', (_name, t) => {
    const rows = drawTiming(t, 58);
    const [L, R, U] = [at(rows, '├'), at(rows, '┤'), at(rows, '●')];
    if (accepted(t)) {
      expect(U).toBeGreaterThan(L);
      expect(U).toBeLessThan(R);
    } else if (t.arrivalLeadMs.min >= t.window.aheadMs) expect(U).toBeGreaterThan(R);
    else expect(U).toBeLessThan(L);
  });

  it.each(CASES)('%s: every mark is named above it, with the offset, labels never touching', (_name, t) => {
    const rows = drawTiming(t, 58);
    const you = /you [+−][\d.]+ m?s/.exec(rows.join('\n'))?.[0];
    expect(you).toBeDefined();
    for (const text of ['MEXC', `−${duration(t.window.behindMs)}`, `+${duration(t.window.aheadMs)}`, you!]) {
      expect(label(rows, text).row, text).toBeGreaterThanOrEqual(0);
      // Whole, with a space (or the edge) on both sides: no two labels run together.
      const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(rows.some((r) => new RegExp(`(^| )${escaped}( |$)`).test(r)), text).toBe(true);
    }
  });

  it("4.2 s ahead: MEXC's time left of +1 s, the user right of it, in that order", () => {
    const rows = drawTiming(spot(4195, 4200), 58);
    expect(at(rows, '┿')).toBeLessThan(at(rows, '┤'));
    expect(at(rows, '┤')).toBeLessThan(at(rows, '●'));
    expect(rows.join('\n')).toContain('you +4.2 s');
    expect(rows.join('\n')).toContain('−5 s');
  });

  it('a long recvWindow still gives MEXC time and the +1 s edge columns of their own', () => {
    const rows = drawTiming(spot(200, 200, 60_000), 58);
    expect(at(rows, '┤') - at(rows, '┿')).toBeGreaterThanOrEqual(2);
  });

  it('is pure: the same numbers draw the same picture', () => {
    expect(drawTiming(spot(4195), 58)).toEqual(drawTiming(spot(4195), 58));
  });
});

describe('the rule in one line', () => {
  it('says the window, where the timestamp lands, the clock offset and the verdict', () => {
    expect(timingLine(spot(4195, 4200))).toBe(
      'MEXC accepts a timestamp from its time − 5 s to + 1 s (recvWindow); yours lands at + 4.2 s (your clock is 4.2 s ahead): too far ahead, refused.',
    );
    expect(timingLine(spot(-6300))).toMatch(/lands at − 6\.3 s \(your clock is 6\.3 s behind\): too old, refused\.$/);
    expect(timingLine(spot(-12, -2))).toMatch(/lands at − 12 ms \(your clock is 2 ms behind\): inside, accepted\.$/);
    expect(timingLine(futures(-15_000))).toMatch(/^MEXC accepts a timestamp from its time − 10 s to \+ 10 s \(the futures window\)/);
  });

  it('a spread over the samples is said as a range', () => {
    const t = { ...spot(0), arrivalLeadMs: { min: -800, max: 1200 } };
    expect(timingLine(t)).toMatch(/lands from − 800 ms to \+ 1\.2 s/);
  });
});
