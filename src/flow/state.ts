import type { ScenarioChoice, WizardState } from './types.js';

/** The wizard's first state: the welcome screen. Loads no screen module (the first frame needs only this). */

export interface InitInput {
  version: string;
  /** Local calendar date, YYYY-MM-DD (the expiry helper and the report file name use it). */
  today: string;
  demo?: boolean;
  scenario?: string;
  scenarios?: ScenarioChoice[];
  /** The launcher already drew the banner (before Ink loaded), so the log starts without it. */
  bannerShown?: boolean;
  /** `--symbol`: the trade steps use it and the wizard does not ask. */
  symbol?: string;
  /** The API root the checks run against (`--base-url`, MEXC_BASE_URL or MEXC's). */
  baseUrl?: string;
}

export function initialState(input: InitInput): WizardState {
  const demo = Boolean(input.demo);
  return {
    screen: { kind: 'welcome', focus: 0 },
    back: [],
    log: input.bannerShown ? [] : [{ kind: 'banner', seq: 1, version: input.version, demo }],
    seq: 1,
    version: input.version,
    today: input.today,
    demo: { enabled: demo, ...(input.scenario ? { scenario: input.scenario } : {}) },
    ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
    scenarios: input.scenarios ?? [],
    api: 'spot',
    results: {},
    ...(input.symbol ? { symbol: { value: input.symbol, fromFlag: true } } : {}),
  };
}
