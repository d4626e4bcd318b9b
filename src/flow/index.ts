/** The wizard as data: screens, transitions, keys, effects. No Ink, no React. */
export * from './types.js';
export { initialState, next, needsFixScreen, type InitInput } from './next.js';
export { keyToEvent, acceptsText } from './keys.js';
export { createStore, type WizardStore } from './store.js';
export * from './content.js';
export * from './expiry.js';
