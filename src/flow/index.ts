/** The wizard as data: screens, transitions, views, keys, effects. No Ink, no React. */
export * from './types.js';
export * from './view.js';
export { initialState, next, type InitInput } from './next.js';
export { keyToEvents } from './keys.js';
export { viewOf } from './screens/index.js';
export { createStore, type WizardStore } from './store.js';
export * from './content.js';
export * from './expiry.js';
