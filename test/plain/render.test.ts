import { describe, expect, it } from 'vitest';
import { styler } from '../../src/shell/format.js';
import type { Diagnosis, StepResult } from '../../src/core/types.js';
import { initialState } from '../../src/flow/index.js';
import type { WizardState } from '../../src/flow/types.js';
import { createPrinter } from '../../src/plain/index.js';
import { renderDiagnosis, renderFixText, renderLabResult, renderLogEntry, renderScreen, renderStepResult, screenKey, type RenderContext } from '../../src/plain/render.js';
import { fakeIO } from '../support/fake-io.js';
import { SGR } from './helpers.js';

const plain = (columns = 80): RenderContext => ({ s: styler(false), columns, verbose: false });
const coloured = (columns = 80): RenderContext => ({ s: styler(true), columns, verbose: false });

const IP: Diagnosis = {
  id: 'ip-not-whitelisted',
  title: "Your IP 198.51.100.23 is not on the key's whitelist",
  explanation: 'The key only works from the IP addresses bound to it, and this request came from 198.51.100.23, which is not one of them.',
  evidence: ['MEXC saw your IP as 198.51.100.23', 'MEXC answered code 700006: "IP [198.51.100.23] not in the ip white list"'],
  fixes: [
    { title: "Add 198.51.100.23 to the key's IP whitelist", lang: 'steps', text: '1. Log in at https://www.mexc.com and open Profile (top right) → API Management.\n2. Add 198.51.100.23. A key allows at most 10 IP addresses, so remove one you no longer use.' },
    { title: 'Known-good request in Python', lang: 'python', text: 'params = [\n    ("recvWindow", "5000"),\n]  # a deliberately long comment line that must never be wrapped by the wizard at all' },
  ],
};

const account = (status: StepResult['status'], diagnoses: Diagnosis[] = []): StepResult => ({
  id: 'account',
  status,
  summary: status === 'fail' ? "Refused: Your IP 198.51.100.23 is not on the key's whitelist" : 'Key valid, signature accepted',
  evidence: ['Request: GET http://127.0.0.1:40000/api/v3/account?recvWindow=5000&timestamp=1795496836163&signature=79e6…1219'],
  diagnoses,
  durationMs: 30,
});

function state(patch: Partial<WizardState>): WizardState {
  return { ...initialState({ version: '1.2.3', today: '2026-05-01' }), ...patch };
}

describe('step results', () => {
  it('say the status as a symbol and a word, never colour alone', () => {
    expect(renderStepResult(account('pass'), false, plain())[0]).toBe('✓ PASS  Account: Key valid, signature accepted');
    expect(renderStepResult(account('fail'), false, plain())[0]).toMatch(/^✗ FAIL {2}Account: Refused/);
    expect(renderStepResult({ ...account('warn'), summary: 'x' }, false, plain())[0]).toMatch(/^! WARN/);
    expect(renderStepResult({ ...account('skip'), summary: 'Skipped: y' }, false, plain())[0]).toMatch(/^- SKIP/);
  });

  it('show the evidence under a failure and mark a re-run', () => {
    const lines = renderStepResult(account('fail'), true, plain());
    expect(lines[0]).toContain('Account (re-run):');
    expect(lines.join('\n')).toContain('Request: GET http://127.0.0.1:40000/api/v3/account?');
  });

  it('keep the evidence of a passed step for --verbose', () => {
    expect(renderStepResult(account('pass'), false, plain()).join('\n')).not.toContain('Request:');
    expect(renderStepResult(account('pass'), false, { ...plain(), verbose: true }).join('\n')).toContain('Request:');
  });

  it('carry colour only when colour is on', () => {
    expect(renderStepResult(account('fail'), false, plain()).join('\n')).not.toMatch(SGR);
    expect(renderStepResult(account('fail'), false, coloured()).join('\n')).toMatch(SGR);
  });
});

describe('a diagnosis', () => {
  it('prints title, explanation, evidence and every fix in full', () => {
    const text = renderDiagnosis(IP, plain()).join('\n');
    expect(text).toContain("Your IP 198.51.100.23 is not on the key's whitelist");
    expect(text).toContain('  • MEXC saw your IP as 198.51.100.23');
    expect(text).toContain('How to fix it (2 fixes)');
    expect(text).toContain("Fix 1: Add 198.51.100.23 to the key's IP whitelist");
    expect(text).toContain('Fix 2: Known-good request in Python');
  });

  it('keeps code flush left and unchanged, so it pastes', () => {
    const fix = IP.fixes[1]!;
    expect(renderFixText(fix, 40)).toEqual(fix.text.split('\n'));
    expect(renderDiagnosis(IP, plain(40)).join('\n')).toContain(fix.text);
  });

  it('wraps web steps at words with a hanging indent', () => {
    const lines = renderFixText(IP.fixes[0]!, 60);
    expect(lines.every((l) => l.length < 60 || l.includes('https://'))).toBe(true);
    expect(lines[0]).toMatch(/^1\. Log in/);
    expect(lines.slice(1).some((l) => l.startsWith('   ') && !/^\s*\d\./.test(l))).toBe(true);
  });

  it('stays within 60 columns apart from code and URLs', () => {
    const lines = renderDiagnosis(IP, plain(60));
    const code = new Set(IP.fixes[1]!.text.split('\n'));
    expect(lines.filter((l) => l.length >= 60 && !code.has(l) && !l.includes('https://'))).toEqual([]);
  });
});

describe('screens', () => {
  it('the fix screen names the step and the status in words', () => {
    const result = account('fail', [IP]);
    const s = state({ screen: { kind: 'fix', source: { kind: 'step', result, mode: 'guide' }, diagnoses: [IP], index: 0, focus: 0 } });
    const lines = renderScreen(s, plain());
    expect(lines).toContain('✗ FAIL  Step 4 of 6 · Account');
  });

  it('a running step is one static "checking…" line', () => {
    const lines = renderScreen(state({ screen: { kind: 'step', id: 'clock', mode: 'guide' } }), plain(100));
    expect(lines[0]).toBe('');
    expect(lines[1]).toMatch(/^Step 3 of 6 · Clock — checking… Comparing your clock/);
  });

  it('credentials show the key masked and never the secret', () => {
    const s = state({
      screen: { kind: 'credentials', phase: 'review', focus: 0 },
      credentials: { demo: false, key: { masked: 'mx0a…WC5', where: 'the environment variable MEXC_API_KEY' }, secret: { where: '.env' } },
    });
    const text = renderScreen(s, plain()).join('\n');
    expect(text).toContain('API key: mx0a…WC5 from the environment variable MEXC_API_KEY');
    expect(text).toContain('Secret: found in .env; kept in memory, never shown');
    expect(text).not.toMatch(/[0-9a-f]{32}/);
  });

  it('the summary opens with the verdict and the counts, then where to fix things; steps are not listed again', () => {
    const s = state({ screen: { kind: 'summary', focus: 0 }, results: { account: account('fail', [IP]) } });
    const lines = renderScreen(s, plain());
    expect(lines[1]).toBe('✗ Summary: 1 problem found · 1 check: 1 failed');
    const text = lines.join('\n');
    expect(text).toContain('  https://www.mexc.com/api-docs/spot-v3/introduction');
    expect(text).not.toMatch(/FAIL {2}Account/);
  });

  it('links are clickable (OSC 8) only where the terminal draws them, and the URL is always shown', () => {
    const s = state({ screen: { kind: 'summary', focus: 0 }, results: { account: account('fail', [IP]) } });
    const linked = renderScreen(s, { ...plain(), hyperlinks: true }).join('\n');
    expect(linked).toContain('\u001b]8;;https://www.mexc.com\u001b\\https://www.mexc.com\u001b]8;;\u001b\\');
    expect(renderScreen(s, plain()).join('\n')).not.toContain('\u001b]8;;');
  });

  it('the lab result lists findings with marks and words', () => {
    const lines = renderLabResult(
      {
        kind: 'lab',
        valid: false,
        verdict: 'Signature does not match',
        facts: ['Signature sent ab12…9f00 · MEXC expects cd34…8e11'],
        findings: [{ id: 'space-as-plus', title: 'Space encoded as +', detail: 'Use %20.', severity: 'problem' }],
        focus: 0,
        notes: ['No headers shown.'],
      },
      plain(),
    );
    expect(lines.join('\n')).toContain('✗ FAIL Signature does not match');
    expect(lines.join('\n')).toContain('  Signature sent ab12…9f00 · MEXC expects cd34…8e11');
    expect(lines.join('\n')).toContain('1. ✗ Space encoded as +');
    expect(lines.join('\n')).toContain('  • No headers shown.');
  });

  it('a new screen is told apart from the same one seen again', () => {
    const result = account('fail', [IP, IP]);
    const fix = (index: number) => ({ kind: 'fix' as const, source: { kind: 'step' as const, result, mode: 'guide' as const }, diagnoses: [IP, IP], index, focus: 0 });
    expect(screenKey({ ...fix(0), focus: 1 })).toBe(screenKey(fix(0)));
    expect(screenKey(fix(1))).not.toBe(screenKey(fix(0)));
  });
});

describe('the banner', () => {
  it('is the one banner, and says how to answer, go back and quit', () => {
    const text = renderLogEntry({ kind: 'banner', seq: 1, version: '1.2.3', demo: true }, { ...plain(), keys: 'Answer with the arrow keys or a number, then Enter. Esc goes back, Ctrl-C quits.' }).join(' ');
    expect(text).toContain('mexc-wizard 1.2.3 · DEMO (local simulator)');
    expect(text).toContain('finds why your MEXC API key fails, and hands you the fix');
    expect(text).toContain('Esc goes back, Ctrl-C quits');
  });
});

describe('the printer', () => {
  it('prints history once and a screen only when it is entered', () => {
    const io = fakeIO();
    const printer = createPrinter(io, { columns: 80 }, false);
    const result = account('fail', [IP]);
    const onFix = state({
      screen: { kind: 'fix', source: { kind: 'step', result, mode: 'guide' }, diagnoses: [IP], index: 0, focus: 0 },
      log: [
        { kind: 'banner', seq: 1, version: '1.2.3', demo: false },
        { kind: 'step', seq: 2, result, rerun: false },
      ],
      seq: 2,
    });
    printer.update(onFix);
    printer.update({ ...onFix, screen: { ...onFix.screen, focus: 1 } as WizardState['screen'] });
    printer.update({ ...onFix, flash: { tone: 'ok', text: 'Copied fix 1.' } });
    const out = io.out();
    expect(out.split('mexc-wizard 1.2.3').length - 1).toBe(1);
    expect(out.split('How to fix it').length - 1).toBe(1);
    expect(out.split('✗ FAIL  Account: Refused').length - 1).toBe(1);
    expect(out.trimEnd().endsWith('Copied fix 1.')).toBe(true);
  });

  it('prints a blank line, then an input error just above the question', () => {
    const io = fakeIO();
    const printer = createPrinter(io, { columns: 80 }, false);
    printer.beforeQuestion(state({ screen: { kind: 'expiry', phase: 'created', focus: 0, text: '2026-13-01', error: 'Type the date as YYYY-MM-DD.' } }));
    expect(io.out()).toBe('\n! Type the date as YYYY-MM-DD.\n');
  });
});

describe('status lines at 60 columns', () => {
  const skipped: StepResult = {
    id: 'trade',
    status: 'skip',
    summary: "Skipped: the account request was refused (Your IP 198.51.100.23 is not on the key's whitelist); fix that first",
    evidence: [],
    diagnoses: [],
    durationMs: 0,
  };

  it('wrap the summary in the column beside the label, using the whole line', () => {
    const lines = renderStepResult(skipped, false, plain(60));
    expect(lines[0]).toMatch(/^- SKIP {2}Trade: Skipped: the account request was refused/);
    expect(lines.length).toBe(3);
    expect(lines.slice(1).every((l) => l.startsWith('        ') && l.length < 60)).toBe(true);
  });

  it('keep the summary table in two columns', () => {
    const s = state({ screen: { kind: 'summary', focus: 0 }, results: { trade: skipped } });
    const lines = renderScreen(s, plain(60)).filter((l) => l.startsWith('- SKIP') || l.startsWith('      '));
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(lines.every((l) => l.length < 60)).toBe(true);
  });
});
