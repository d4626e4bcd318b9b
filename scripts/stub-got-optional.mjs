// Stand-ins for the parts of got that mexc-wizard never turns on: HTTP/2 (`http2: true`), the
// response cache (`cache`) and the DNS cache (`dnsCache`). got imports them at load time; the
// real ones cost start-up (about 60 KB of the bundle and node:http2) for nothing. Each throws if
// the option were ever switched on, instead of silently doing something else.
const off = (what) => () => {
  throw new Error(`mexc-wizard is built without got's ${what} support`);
};
export class CacheError extends Error {}
export default class Unsupported {
  constructor() {
    off('cache / DNS cache')();
  }
}
export const http2Wrapper = { auto: off('HTTP/2'), globalAgent: undefined };
