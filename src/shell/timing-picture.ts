import type { ClockTiming } from '../core/types.js';

/**
 * MEXC's timing rule as a picture: a number line around MEXC's time on arrival, the window it
 * accepts (from serverTime − recvWindow to serverTime + 1 s on spot, docs/mexc-api.md §1.1;
 * ± the futures window on futures, §6), and where the user's timestamp lands, with the
 * offset. One line of words says the same for front ends that print no pictures (--plain,
 * --screen-reader) and under the picture.
 *
 *    −5 s                          MEXC   +1 s          you +4.2 s
 *    ├━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┿━━━━━━┤────────────●───
 */

/** "5 s", "4.2 s", "800 ms": a duration as a person reads it. */
export function duration(ms: number): string {
  const abs = Math.abs(ms);
  return abs >= 1000 ? `${(abs / 1000).toFixed(1).replace(/\.0$/, '')} s` : `${Math.round(abs)} ms`;
}

const signed = (ms: number) => `${ms < 0 ? '−' : '+'} ${duration(ms)}`;

/** Where a request signed now lands: the middle of what the samples measured. */
const landing = (t: ClockTiming) => Math.round((t.arrivalLeadMs.min + t.arrivalLeadMs.max) / 2);

/** Inside the window MEXC accepts (a lead below aheadMs, a lag of at most behindMs)? */
export function accepted(t: ClockTiming, leadMs = landing(t)): boolean {
  return leadMs < t.window.aheadMs && -leadMs <= t.window.behindMs;
}

/**
 * The rule and the verdict in one line: "MEXC accepts a timestamp from its time − 5 s to
 * + 1 s (recvWindow); yours lands at + 4.2 s (your clock is 4.2 s ahead): outside, refused."
 */
export function timingLine(t: ClockTiming): string {
  const lead = landing(t);
  const spread = t.arrivalLeadMs.max - t.arrivalLeadMs.min > 100 ? ` to ${signed(t.arrivalLeadMs.max)}` : '';
  const lands = spread ? `from ${signed(t.arrivalLeadMs.min)}${spread}` : `at ${signed(lead)}`;
  const clock = t.localAheadMs === 0 ? 'your clock is in step with MEXC' : `your clock is ${duration(t.localAheadMs)} ${t.localAheadMs > 0 ? 'ahead' : 'behind'}`;
  const verdict = accepted(t) ? 'inside, accepted' : lead >= t.window.aheadMs ? 'too far ahead, refused' : 'too old, refused';
  return `MEXC accepts a timestamp from its time ${signed(-t.window.behindMs)} to ${signed(t.window.aheadMs)} (${t.windowName}); yours lands ${lands} (${clock}): ${verdict}.`;
}

interface Label {
  text: string;
  at: number;
}

/**
 * The picture, at most `width` columns wide (at least 30): a label row (or two, when labels
 * would touch) over the number line. Pure: the same numbers draw the same picture.
 */
export function drawTiming(t: ClockTiming, width: number): string[] {
  const W = Math.max(30, width);
  const lead = landing(t);
  const left = -t.window.behindMs;
  const right = t.window.aheadMs;
  // The line spans the window and the user's timestamp, with a margin on both sides.
  const lo0 = Math.min(left, lead);
  const hi0 = Math.max(right, lead);
  const pad = (hi0 - lo0) * 0.08 + 1;
  const lo = lo0 - pad;
  const hi = hi0 + pad;
  const col = (ms: number) => Math.round(((ms - lo) / (hi - lo)) * (W - 1));
  // The edges and MEXC's time each get a column of their own, however narrow the window's
  // future side is next to a long recvWindow.
  const L = Math.max(0, col(left));
  const M = Math.max(L + 2, col(0));
  const R = Math.min(W - 1, Math.max(M + 2, col(right)));
  let U = Math.min(W - 1, Math.max(0, col(lead)));
  const inside = accepted(t, lead);
  // The marker never sits on a mark that would read as the other side of an edge.
  if (!inside && lead >= right && U <= R) U = Math.min(W - 1, R + 1);
  if (!inside && lead < left && U >= L) U = Math.max(0, L - 1);
  if (inside && (U <= L || U >= R)) U = Math.min(R - 1, Math.max(L + 1, U));
  if (inside && U === M && lead !== 0) U = lead > 0 ? Math.min(R - 1, M + 1) : Math.max(L + 1, M - 1);

  const axis: string[] = [];
  for (let x = 0; x < W; x++) axis.push(x > L && x < R ? '━' : '─');
  axis[L] = '├';
  axis[R] = '┤';
  axis[M] = '┿';
  axis[U] = '●';

  const labels: Label[] = [
    { text: `you ${signed(lead).replace(' ', '')}`, at: U },
    { text: 'MEXC', at: M },
    { text: `−${duration(t.window.behindMs)}`, at: L },
    { text: `+${duration(t.window.aheadMs)}`, at: R },
  ];
  const rows = placeLabels(labels, W);
  return [...rows, axis.join('').replace(/\s+$/, '')];
}

/**
 * Labels centred over their marks, kept inside the width; one that would touch a label already
 * placed goes to the row above (the user's label first: it matters most).
 */
function placeLabels(labels: Label[], width: number): string[] {
  const rows: Array<Array<{ start: number; end: number; text: string }>> = [];
  for (const label of labels) {
    const len = [...label.text].length;
    const start = Math.min(width - len, Math.max(0, label.at - Math.floor((len - 1) / 2)));
    const end = start + len;
    let row = rows.find((r) => r.every((p) => end + 1 <= p.start || start >= p.end + 1));
    if (!row) {
      row = [];
      rows.push(row);
    }
    row.push({ start, end, text: label.text });
  }
  // Row 0 was filled first and sits next to the line: draw it last.
  return rows
    .map((row) => {
      const cells = Array.from({ length: width }, () => ' ');
      for (const p of row) [...p.text].forEach((ch, i) => (cells[p.start + i] = ch));
      return cells.join('').replace(/\s+$/, '');
    })
    .reverse();
}
