import { join } from 'node:path';
import type { FoundCredentials } from '../core/credentials.js';
import { defaultFixContext } from '../core/defaults.js';
import { cleanValue, describeOrigin, typedValue } from '../core/credentials.js';
import type { LabResult } from '../core/lab/types.js';
import { maskKey } from '../core/redact.js';
import { secretExposedFinding } from '../core/secret-exposure.js';
import { SecretRedactor } from '../core/secret-redactor.js';
import { terminalSafe, terminalSafeDeep } from '../core/terminal-text.js';
import type { Api, Diagnosis, FixContext, StepId, StepResult } from '../core/types.js';
import type { SupportReportInput } from '../core/report.js';
import type { CheckReport, Session, SessionOptions } from '../steps/session.js';
import { reportFileName } from './content.js';
import type { CopyOutcome, CredentialView, Effect, Event, ScenarioChoice } from './types.js';

/**
 * Runs the effects `next` asks for and reports back as events: the one place where the wizard
 * touches the network, the file system and the clipboard. Heavy modules (got via the Session,
 * the lab, the report) load on first use, so the first frame needs none of them. The demo
 * simulator comes in as a parameter (`demo`): the flow never loads it itself.
 */

/** The part of a Session the wizard uses (a fake stands in for it in tests). */
export type WizardSession = Pick<Session, 'runStep' | 'setTypedCredentials' | 'setSymbol' | 'credentials' | 'report' | 'fixContext' | 'close'>;

export interface RunningDemo {
  url: string;
  close(): Promise<void>;
}

export interface StartedDemo {
  sim: RunningDemo;
  apiKey: string;
  secret: string;
}

/** The local simulator `--demo` runs against, handed in by the caller (cli.ts). */
export interface DemoSimulator {
  /** What the scenario menu offers. */
  scenarios: ScenarioChoice[];
  /** Starts it on a free loopback port with throwaway credentials. */
  start(scenario: string): Promise<StartedDemo>;
}

/** Where the wizard runs, for the support report ("v20.20.2", "linux", "x64"). */
export interface HostInfo {
  node: string;
  platform: string;
  arch: string;
}

/** Everything loaded lazily; tests replace any of these. */
export interface Loaders {
  createSession: (opts: SessionOptions) => Promise<WizardSession>;
  startDemo: (scenario: string) => Promise<StartedDemo>;
  explain: (text: string, ctx: FixContext) => Promise<{ diagnoses: Diagnosis[]; recognised: boolean }>;
  /** `otherSecrets`: every other secret the run knows, so a paste holding one is flagged too. */
  inspect: (text: string, secret: string, otherSecrets?: string[]) => Promise<LabResult | { error: string }>;
  renderReport: (input: SupportReportInput) => Promise<string>;
  writeNewFile: (path: string, text: string) => Promise<string>;
}

export interface RuntimeOptions {
  /** A promise when the options are still being built (they are awaited before any effect runs). */
  session: SessionOptions | Promise<SessionOptions>;
  version: string;
  cwd: string;
  today: string;
  /** Wall clock for the report's timestamp. */
  now?: () => number;
  host?: HostInfo;
  demo?: DemoSimulator;
  /** Aborted on Ctrl-C or when the caller's signal fires; passed to every request. */
  signal?: AbortSignal;
  /** Copies to the clipboard; `signal` fires when the wizard has left (a tool still running stops). */
  copy: (text: string, what: string, signal?: AbortSignal) => Promise<CopyOutcome>;
  dispatch: (event: Event) => void;
  onExit: (code: number) => void;
  /** The session options could not be built (e.g. a bad flag): the wizard must end with this error. */
  onFatal?: (error: unknown) => void;
  loaders?: Partial<Loaders>;
  /** The run's redactor (it also guards the terminal): typed secrets are added to it. */
  redactor?: SecretRedactor;
}

export interface Runtime {
  run(effect: Effect): void;
  /** Aborts requests, closes the session and the simulator. Safe to call twice. */
  shutdown(): Promise<void>;
  /** Starts loading the session module in the background (after the first frame). */
  warmUp(): void;
  /** Resolves once every effect queued so far has run. */
  idle(): Promise<void>;
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

export function createRuntime(opts: RuntimeOptions): Runtime {
  const loaders: Loaders = { ...defaultLoaders(opts.demo), ...opts.loaders };
  const controller = new AbortController();
  // Fired once the wizard has left: a copy still running then stops (requests stop earlier).
  const leaving = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  let typed: { apiKey?: string; secret?: string } = {};
  /** The symbol the user's bot trades, once the wizard asked (else --symbol, in the options). */
  let symbol: string | undefined;
  let demo: { scenario: string; sim: RunningDemo; apiKey: string; secret: string } | undefined;
  let sessionPromise: Promise<WizardSession> | undefined;
  /** The API of the session (one at a time: a step of another API starts a new session). */
  let sessionApi: Api = 'spot';
  let closed = false;
  let base: SessionOptions | undefined;
  // Effects run one after another (a step never overlaps a re-run); exit jumps the queue. The
  // first link waits for the session options, so every handler can read them synchronously.
  let queue: Promise<void> = Promise.resolve(opts.session).then(
    (options) => {
      base = options;
    },
    (error: unknown) => {
      closed = true;
      controller.abort();
      opts.onFatal?.(error);
    },
  );

  const sessionOptions = (): SessionOptions => {
    if (!base) throw new Error('session options used before they were ready');
    if (!demo) return { ...base, signal };
    const creds: FoundCredentials = {
      apiKey: { value: demo.apiKey, origin: 'demo', variable: 'demo' },
      secret: { value: demo.secret, origin: 'demo', variable: 'demo' },
    };
    const env = { ...base.env };
    for (const name of PROXY_VARS) delete env[name];
    return {
      ...base,
      env,
      baseUrl: demo.sim.url,
      loadCredentials: () => creds,
      // The timeout scenario never answers: keep the wait short in a demo.
      timeoutMs: demo.scenario === 'timeout' ? Math.min(base.timeoutMs, 2000) : base.timeoutMs,
      signal,
    };
  };

  const session = (): Promise<WizardSession> => {
    const api = sessionApi;
    sessionPromise ??= loaders.createSession({ ...sessionOptions(), ...(api === 'futures' ? { api } : {}) }).then((s) => {
      if (typed.apiKey || typed.secret) s.setTypedCredentials(typed.apiKey, typed.secret);
      if (symbol) s.setSymbol(symbol);
      return s;
    });
    return sessionPromise;
  };

  const dropSession = async () => {
    const current = sessionPromise;
    sessionPromise = undefined;
    if (current) (await current.catch(() => undefined))?.close();
  };

  /** The session for a step of `api`: the current one, or a new one when the API changed. */
  const sessionFor = async (api: Api): Promise<WizardSession> => {
    if (api !== sessionApi) {
      await dropSession();
      sessionApi = api;
    }
    return session();
  };

  /** Found credentials with typed ones on top: what the next step will use. */
  const currentCredentials = (): FoundCredentials => {
    const found = sessionOptions().loadCredentials();
    return {
      ...(typed.apiKey ? { apiKey: typedValue('key', typed.apiKey) } : found.apiKey ? { apiKey: found.apiKey } : {}),
      ...(typed.secret ? { secret: typedValue('secret', typed.secret) } : found.secret ? { secret: found.secret } : {}),
    };
  };

  const secrets = (): string[] => {
    const c = currentCredentials();
    return [c.secret?.value, typed.secret, demo?.secret].filter((v): v is string => Boolean(v));
  };
  // Every secret seen (found, typed, the lab's field) masks all the wizard shows, copies and saves.
  const known = opts.redactor ?? new SecretRedactor();
  const redactor = (): SecretRedactor => known.add(...secrets());
  const redact = (text: string): string => redactor().redact(text);
  /** Data for the screens: secrets masked, and what came from a server or a paste made terminal-safe. */
  const forScreen = <T>(value: T): T => terminalSafeDeep(redactor().redactDeep(value));

  const dispatch = (event: Event) => {
    if (!closed) opts.dispatch(event);
  };

  const handlers: { [K in Effect['type']]: (effect: Extract<Effect, { type: K }>) => Promise<void> } = {
    'load-credentials': async () => {
      dispatch({ type: 'credentials-loaded', view: credentialView(currentCredentials(), Boolean(demo)) });
    },
    'start-demo': async ({ scenario }) => {
      try {
        if (demo) {
          await demo.sim.close();
          demo = undefined;
        }
        await dropSession();
        typed = {};
        const started = await loaders.startDemo(scenario);
        demo = { scenario, ...started };
        dispatch({ type: 'demo-started', url: started.sim.url, scenario });
      } catch (error) {
        dispatch({ type: 'demo-failed', message: `The demo simulator did not start: ${(error as Error).message}` });
      }
    },
    'set-credentials': async ({ apiKey, secret }) => {
      known.add(secret);
      typed = { ...typed, ...(apiKey ? { apiKey } : {}), ...(secret ? { secret } : {}) };
      if (sessionPromise) (await session()).setTypedCredentials(typed.apiKey, typed.secret);
    },
    'set-symbol': async ({ symbol: chosen }) => {
      symbol = chosen;
      if (sessionPromise) (await session()).setSymbol(chosen);
    },
    'run-step': async ({ id, api }) => {
      let result: StepResult;
      try {
        result = await (await sessionFor(api ?? 'spot')).runStep(id);
      } catch (error) {
        if (signal.aborted) return;
        result = internalError(id, error as Error);
      }
      if (!signal.aborted) dispatch({ type: 'step-done', result: forScreen(result) });
    },
    explain: async ({ text }) => {
      try {
        // The paste says which API it came from (the classifier reads futures answers as such),
        // whatever the guide ran last: `mexc-wizard explain` reads it the same way.
        const { api: _api, ...ctx } = sessionPromise ? (await session()).fixContext() : fixContextBeforeSession({ ...sessionOptions(), ...(symbol ? { symbol } : {}) }, currentCredentials());
        // Looked at for the secret first, then masked before anything reads or quotes it.
        const exposed = secretExposedFinding(text, redactor());
        const { diagnoses, recognised } = await loaders.explain(redact(text), ctx);
        dispatch({ type: 'explained', diagnoses: forScreen(diagnoses), recognised, ...(exposed ? { exposed: forScreen(exposed) } : {}) });
      } catch (error) {
        dispatch({ type: 'explain-failed', message: `Could not explain that: ${terminalSafe(redact((error as Error).message))}` });
      }
    },
    inspect: async ({ text, secret }) => {
      const useSecret = secret ?? (currentCredentials().secret ? cleanValue(currentCredentials().secret!.value) : undefined);
      if (!useSecret) {
        dispatch({ type: 'inspect-failed', message: 'The lab needs the secret to recompute the signature.' });
        return;
      }
      known.add(useSecret);
      try {
        const result = await loaders.inspect(text, useSecret, redactor().values());
        if ('error' in result) dispatch({ type: 'inspect-failed', message: terminalSafe(redact(result.error)) });
        else dispatch({ type: 'inspected', result: forScreen(result) });
      } catch (error) {
        dispatch({ type: 'inspect-failed', message: `The lab could not read that: ${terminalSafe(redact((error as Error).message))}` });
      }
    },
    copy: async ({ text, what }) => {
      // Fix text never holds the secret (the catalog uses placeholders); refuse if it ever did.
      if (redactor().exposure(text)) {
        dispatch({ type: 'copied', outcome: { ok: false, text: 'Not copied: the text contains your secret.' } });
        return;
      }
      dispatch({ type: 'copied', outcome: await opts.copy(text, what, leaving.signal) });
    },
    report: async ({ action }) => {
      try {
        const markdown = terminalSafe(redact(await buildReport()), { multiline: true });
        if (action === 'show') dispatch({ type: 'report-ready', action, markdown });
        else if (action === 'copy') dispatch({ type: 'copied', outcome: await opts.copy(markdown, 'the support report', leaving.signal) });
        else {
          const path = await loaders.writeNewFile(join(opts.cwd, reportFileName(opts.today)), markdown);
          dispatch({ type: 'report-ready', action, path });
        }
      } catch (error) {
        dispatch({ type: 'report-ready', action, error: `Could not ${action} the report: ${terminalSafe(redact((error as Error).message))}` });
      }
    },
    exit: async () => undefined,
  };

  const buildReport = async (): Promise<string> => {
    const report: CheckReport = sessionPromise ? (await session()).report() : { ok: true, baseUrl: sessionOptions().baseUrl, steps: [] };
    const creds = currentCredentials();
    const key = creds.apiKey ? cleanValue(creds.apiKey.value) : undefined;
    const secret = creds.secret ? cleanValue(creds.secret.value) : undefined;
    return loaders.renderReport({
      version: opts.version,
      nodeVersion: opts.host?.node ?? 'unknown',
      platform: `${opts.host ? `${opts.host.platform} ${opts.host.arch}` : 'unknown'}${demo ? ` (demo scenario ${demo.scenario})` : ''}`,
      baseUrl: report.baseUrl,
      ...(report.api ? { api: report.api } : {}),
      ...(report.proxy ? { proxy: report.proxy } : {}),
      ...(key ? { apiKey: key } : {}),
      ...(secret ? { secret } : {}),
      steps: report.steps,
      ...(report.clock ? { clock: { localAheadMs: report.clock.localAheadMs, rttMs: report.clock.rttMs } } : {}),
      ...(report.mexcSawIp ? { mexcSawIp: report.mexcSawIp } : {}),
      generatedAt: new Date(opts.now?.() ?? Date.now()).toISOString(),
    });
  };

  const shutdown = async () => {
    if (closed) return;
    closed = true;
    controller.abort();
    leaving.abort();
    await dropSession();
    if (demo) await demo.sim.close().catch(() => undefined);
    demo = undefined;
  };

  return {
    run(effect) {
      if (effect.type === 'exit') {
        // Requests stop at once; a copy or a save asked for before leaving finishes first, so
        // its result is in the exit frame and nothing is written after it. Leaving never waits
        // more than a second (a stuck socket, a clipboard tool that hangs).
        controller.abort();
        const grace = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref());
        void Promise.race([queue, grace])
          .then(() => Promise.race([shutdown(), grace]))
          .finally(() => opts.onExit(effect.code));
        return;
      }
      queue = queue.then(() => (closed ? undefined : (handlers[effect.type] as (e: Effect) => Promise<void>)(effect))).catch(() => undefined);
    },
    shutdown,
    idle: () => queue,
    warmUp() {
      if (!opts.loaders?.createSession) void import('../steps/session.js').catch(() => undefined);
    },
  };
}

export function credentialView(found: FoundCredentials, demo: boolean): CredentialView {
  const key = found.apiKey ? cleanValue(found.apiKey.value) : '';
  return {
    demo,
    ...(found.apiKey && key ? { key: { masked: maskKey(key), where: describeOrigin(found.apiKey) } } : {}),
    ...(found.secret && cleanValue(found.secret.value) ? { secret: { where: describeOrigin(found.secret) } } : {}),
  };
}

function fixContextBeforeSession(options: SessionOptions, found: FoundCredentials): FixContext {
  const key = found.apiKey ? cleanValue(found.apiKey.value) : undefined;
  return defaultFixContext({
    ...(key ? { apiKey: key } : {}),
    baseUrl: options.baseUrl,
    ...(options.symbol ? { symbol: options.symbol } : {}),
    recvWindowMs: options.recvWindowMs,
    platform: options.platform,
    ...(options.invocation ? { invocation: options.invocation } : {}),
  });
}

/** A bug in a step must not end the wizard: it becomes a failed step that says so (masked on its way to the screen). */
function internalError(id: StepId, error: Error): StepResult {
  return {
    id,
    status: 'fail',
    summary: `Internal error in this check: ${error.message}`,
    evidence: ['Please report this at https://github.com/mexc-wizard/mexc-wizard/issues'],
    diagnoses: [],
    durationMs: 0,
  };
}

function defaultLoaders(demo: DemoSimulator | undefined): Loaders {
  return {
    createSession: async (options) => (await import('../steps/session.js')).createSession(options),
    startDemo: async (scenario) => {
      if (!demo) throw new Error('this run has no demo simulator (start with --demo)');
      return demo.start(scenario);
    },
    explain: async (text, ctx) => (await import('../core/read-paste.js')).diagnosePaste(text, ctx),
    inspect: async (text, secret, otherSecrets) => (await import('../core/lab/index.js')).inspectPaste(text, secret, otherSecrets),
    renderReport: async (input) => (await import('../core/report.js')).supportReportMarkdown(input),
    writeNewFile: async (path, text) => {
      const { writeFile } = await import('node:fs/promises');
      // Never overwrite an earlier report: add -2, -3… to the name instead.
      for (let n = 1; n < 100; n++) {
        const candidate = n === 1 ? path : path.replace(/\.md$/, `-${n}.md`);
        try {
          await writeFile(candidate, text, { flag: 'wx', mode: 0o600 });
          return candidate;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
      throw new Error('too many report files with that name already');
    },
  };
}
