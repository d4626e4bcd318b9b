import { describe, expect, it } from 'vitest';
import { viewOf } from '../../src/flow/screens/index.js';
import { initialState } from '../../src/flow/state.js';

/** Issue #13: "Runs … for real against MEXC" was said with a local base URL too. */
describe('the welcome sentence names what the checks run against', () => {
  const sentence = (over: Parameters<typeof initialState>[0] extends infer I ? Partial<I> : never) =>
    viewOf(initialState({ version: '1.2.3', today: '2026-03-10', ...over })).paragraphs?.[0]?.text ?? '';

  it("MEXC by default and for MEXC's hosts", () => {
    expect(sentence({})).toMatch(/^Runs the troubleshooting guide's checks for real against MEXC, for a spot or a futures bot\./);
    expect(sentence({ baseUrl: 'https://api.mexc.com' })).toMatch(/ against MEXC, /);
  });

  it('a local base URL: the base URL, a local server, not MEXC', () => {
    expect(sentence({ baseUrl: 'http://127.0.0.1:8799' })).toMatch(/ for real against your base URL http:\/\/127\.0\.0\.1:8799 \(a local server, not MEXC\), /);
  });

  it('the demo: the local simulator', () => {
    expect(sentence({ demo: true, baseUrl: 'https://api.mexc.com' })).toMatch(/ against a local MEXC simulator, /);
  });
});
