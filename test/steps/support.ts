/**
 * Harness for the verdict tests: the real simulator, optionally behind a "fault front" (a raw
 * node:http server on 127.0.0.1 that forwards to the simulator but answers chosen endpoints
 * its own way), a proxy that demands credentials (HTTP 407), and two drivers over the same
 * session: `check --json`, and the wizard's pure state machine (src/flow/next.ts) with a real
 * Session running its effects.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import type { DiagnosisId, StepId, StepResult } from '../../src/core/types.js';
import { summaryItems } from '../../src/flow/screens/summary.js';
import { initialState, next } from '../../src/flow/next.js';
import type { Event, WizardState } from '../../src/flow/types.js';
import { startSimulator, type RunningSim, type ScenarioName, type SimOptions } from '../../src/sim/server.js';
import { createSession } from '../../src/steps/session.js';
import { fakeIO } from '../support/fake-io.js';

export const KEY = 'mx0aBYs33eIilxBWC5';
export const SECRET = 'deadbeefcafe0123456789abcdef0042'; // canary: must never appear in output

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

export async function sim(opts: Partial<SimOptions> & { scenario?: ScenarioName } = {}): Promise<RunningSim> {
  const s = await startSimulator({ port: 0, apiKey: KEY, secret: SECRET, ...opts });
  closers.push(() => s.close());
  return s;
}

/** What a fault answers for one request: a whole answer, or a change to the simulator's. */
export type Fault =
  | { status: number; headers?: Record<string, string>; body: string }
  | { rewrite: (answer: { status: number; body: string }) => { status: number; body: string; headers?: Record<string, string> } };

/** A server in front of the simulator: `faults['GET /api/v3/openOrders']` answers that endpoint. */
export async function faultFront(target: RunningSim, faults: Record<string, Fault>): Promise<string> {
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      const fault = faults[`${req.method} ${path}`];
      if (fault && 'body' in fault) {
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(fault.body);
        return;
      }
      const forward = http.request(
        { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers, agent: false },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const original = { status: answer.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') };
            const changed: { status: number; body: string; headers?: Record<string, string> } = fault && 'rewrite' in fault ? fault.rewrite(original) : original;
            res.writeHead(changed.status, { 'content-type': String(answer.headers['content-type'] ?? 'application/json'), ...changed.headers });
            res.end(changed.body);
          });
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A proxy that answers every CONNECT (and every plain request) with 407 Proxy Authentication Required. */
export async function authProxy(): Promise<string> {
  const server = net.createServer((socket) => {
    socket.once('data', () => {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface CheckOutcome {
  code: number;
  status: Partial<Record<StepId, string>>;
  /** Diagnosis ids per step. */
  byStep: Partial<Record<StepId, DiagnosisId[]>>;
  diagnoses: DiagnosisId[];
  json: {
    ok: boolean;
    steps: Array<{ id: StepId; status: string; summary: string; evidence: string[]; diagnoses: Array<{ id: DiagnosisId; title: string; explanation: string; evidence: string[]; fixes: Array<{ title: string; text: string }> }> }>;
    clock?: { localAheadMs: number; rttMs: number; uncertaintyMs: number; samples: Array<{ kept: boolean }> };
  };
  text: string;
}

export interface Target {
  baseUrl: string;
  env?: Record<string, string>;
  recvWindow?: string;
  timeout?: string;
}

/** `check --json` (and the same run as text) against a base URL. */
export async function check(target: Target): Promise<CheckOutcome> {
  const env = { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET, ...target.env };
  const flags = { baseUrl: target.baseUrl, json: true, timeout: target.timeout ?? '3000', ...(target.recvWindow ? { recvWindow: target.recvWindow } : {}) };
  const io = fakeIO({ env });
  const code = await runCheck(flags, io);
  const json = JSON.parse(io.out()) as CheckOutcome['json'];
  const textIo = fakeIO({ env });
  await runCheck({ ...flags, json: false }, textIo);
  const status = Object.fromEntries(json.steps.map((s) => [s.id, s.status]));
  const byStep = Object.fromEntries(json.steps.map((s) => [s.id, s.diagnoses.map((d) => d.id)]));
  return { code, status, byStep, diagnoses: json.steps.flatMap((s) => s.diagnoses.map((d) => d.id)), json, text: textIo.out() };
}

export interface WizardWalk {
  /** Every fix screen the guide stopped on: the step, its status and diagnosis ids. */
  fixScreens: Array<{ step: StepId; status: string; ids: DiagnosisId[]; firstFix: string }>;
  results: Partial<Record<StepId, StepResult>>;
  /** Problem labels on the summary screen. */
  problems: string[];
  /** Exit code when the user quits from the summary. */
  exitCode: number;
  state: WizardState;
}

/**
 * The wizard's guide from the welcome screen to the summary: `next` decides every screen, a real
 * Session runs each step, and the walk presses Enter on every fix screen (continue).
 */
export async function walkWizard(target: Target): Promise<WizardWalk> {
  const env = { MEXC_API_KEY: KEY, MEXC_SECRET_KEY: SECRET, ...target.env };
  const session = createSession({
    baseUrl: target.baseUrl,
    timeoutMs: Number(target.timeout ?? 3000),
    recvWindowMs: Number(target.recvWindow ?? 5000),
    verbose: false,
    env,
    now: () => Date.now(),
    platform: 'linux',
  });
  const fixScreens: WizardWalk['fixScreens'] = [];
  let state = initialState({ version: '0.0.0-test', today: '2026-01-15' });
  const dispatch = async (event: Event): Promise<void> => {
    const t = next(state, event);
    state = t.state;
    for (const effect of t.effects) {
      if (effect.type === 'load-credentials') await dispatch({ type: 'credentials-loaded', view: { key: { masked: 'mx0a…WC5', where: 'environment' }, secret: { where: 'environment' }, demo: false } });
      if (effect.type === 'run-step') await dispatch({ type: 'step-done', result: await session.runStep(effect.id) });
    }
  };
  try {
    await dispatch({ type: 'accept' }); // welcome: Diagnose my API key
    await dispatch({ type: 'accept' }); // credentials: use these
    await dispatch({ type: 'accept' }); // the symbol the bot trades: Enter keeps BTCUSDT
    for (let guard = 0; state.screen.kind === 'fix' && guard < 20; guard++) {
      const s = state.screen;
      if (s.source.kind === 'step') fixScreens.push({ step: s.source.result.id, status: s.source.result.status, ids: s.diagnoses.map((d) => d.id), firstFix: s.diagnoses[0]?.fixes[0]?.title ?? '' });
      await dispatch({ type: 'accept' });
    }
    if (state.screen.kind !== 'summary') throw new Error(`the walk ended on ${state.screen.kind}, not the summary`);
    const problems = summaryItems(state).flatMap((i) => (i.kind === 'problem' ? [i.label] : []));
    const quit = next(state, { type: 'quit' });
    const exit = quit.effects.find((e) => e.type === 'exit');
    return { fixScreens, results: state.results, problems, exitCode: exit?.type === 'exit' ? exit.code : -1, state };
  } finally {
    session.close();
  }
}
