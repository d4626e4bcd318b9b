import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { PasteBox } from '../../src/ui/paste-box.js';

/** The paste field's example, before anything is pasted: wrapped beside the cursor, never ragged. */
afterEach(cleanup);

const EXAMPLE = 'e.g. {"code":700002,"msg":"Signature for this request is not valid."}';

describe('PasteBox', () => {
  it('wraps a long example so its later lines start under its first word, at 60 columns', () => {
    const { lastFrame } = render(<PasteBox text="" columns={60} maxRows={6} placeholder={EXAMPLE} />);
    const lines = (lastFrame() ?? '').split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(1);
    const start = lines[0]!.indexOf('e.g.');
    expect(start).toBe(4);
    for (const line of lines.slice(1)) expect(line.length - line.trimStart().length).toBe(start);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(EXAMPLE);
  });

  it('keeps a short example on one line', () => {
    const { lastFrame } = render(<PasteBox text="" columns={100} maxRows={6} placeholder="e.g. 700002" />);
    expect((lastFrame() ?? '').trimEnd()).toBe('    e.g. 700002');
  });
});
