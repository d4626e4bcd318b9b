import { describe, expect, it } from 'vitest';
import {
  DOC_KEY,
  DOC_SECRET,
  EXAMPLE3_BODY,
  EXAMPLE3_QUERY,
  EXAMPLE3_SIG,
  EXAMPLE_PARAMS,
  EXAMPLE_SIG,
  detailOf,
  hmac,
  ids,
  lab,
  postCurl,
} from './fixtures.js';

const WITHDRAW = 'https://api.mexc.com/api/v3/capital/withdraw';
const ACCOUNT = 'https://api.mexc.com/api/v3/account';

describe('signature-valid', () => {
  it('accepts the docs Example 2 (all in the query) with fd3e…837a', () => {
    const r = lab(postCurl(`${EXAMPLE_PARAMS}&signature=${EXAMPLE_SIG}`));
    expect(r.valid).toBe(true);
    expect(ids(r)).toEqual(['signature-valid']);
    expect(r.verdict).toBe('Signature valid — MEXC would accept this request');
  });

  it('accepts the docs Example 3: query and body glued with no "&" (d1a6…4592)', () => {
    const r = lab(
      `curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' -H 'Content-Type: application/json' ` +
        `'https://api.mexc.com/api/v3/order?${EXAMPLE3_QUERY}' -d '${EXAMPLE3_BODY}&signature=${EXAMPLE3_SIG}'`,
    );
    expect(r.valid).toBe(true);
    expect(ids(r)).toEqual(['signature-valid']);
    expect(r.signature?.stringToSign).toBe('symbol=BTCUSDT&side=BUY&type=LIMITquantity=1&price=11&recvWindow=5000&timestamp=1644489390087');
  });

  it('accepts the docs Example 1: everything in the body', () => {
    const r = lab(`curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' -H 'Content-Type: application/json' https://api.mexc.com/api/v3/order -d '${EXAMPLE_PARAMS}&signature=${EXAMPLE_SIG}'`);
    expect(r.valid).toBe(true);
  });

  it('signs a JSON body as raw text after the query, and notes that JSON bodies are unconfirmed on spot', () => {
    const body = '{"symbol":"BTCUSDT","side":"BUY"}';
    const sig = hmac(`timestamp=1644489390087${body}`);
    const r = lab(`curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' -H 'Content-Type: application/json' 'https://api.mexc.com/api/v3/order/test?timestamp=1644489390087&signature=${sig}' -d '${body}'`);
    expect(ids(r)).toEqual(['signature-valid']);
    expect(r.notes.join(' ')).toContain('unconfirmed');
  });

  it('accepts a signature placed before timestamp, as the Python demo sends it', () => {
    const sig = hmac('recvWindow=5000&timestamp=1644489390087');
    const r = lab(`${ACCOUNT}?recvWindow=5000&signature=${sig}&timestamp=1644489390087`);
    expect(ids(r)).toEqual(['signature-valid']);
  });
});

describe('secret-mismatch', () => {
  it("names no candidate for the docs' wrong Example 1 signature 323c…a117 and says it is a doc bug", () => {
    const r = lab(postCurl(`${EXAMPLE_PARAMS}&signature=323c96ab85a745712e95e63cad28903dd8292e4a905e99c4ee3932023843a117`));
    expect(r.valid).toBe(false);
    expect(ids(r)).toEqual(['secret-mismatch']);
    expect(r.verdict).toMatch(/^Signature does not match: /);
    expect(detailOf(r, 'secret-mismatch')).toContain('wrong signature printed in MEXC');
  });

  it("reports the secret of another key", () => {
    const sig = hmac('timestamp=1644489390087', '0123456789abcdef0123456789abcdef');
    expect(ids(lab(`${ACCOUNT}?timestamp=1644489390087&signature=${sig}`))).toEqual(['secret-mismatch']);
  });

  it('names a secret with a trailing newline', () => {
    const sig = hmac('timestamp=1644489390087', DOC_SECRET + '\n');
    const r = lab(`${ACCOUNT}?timestamp=1644489390087&signature=${sig}`);
    expect(ids(r)).toEqual(['secret-mismatch']);
    expect(detailOf(r, 'secret-mismatch')).toContain('newline');
  });

  it('names key and secret swapped', () => {
    const sig = hmac('timestamp=1644489390087', DOC_KEY);
    const r = lab(`curl -H 'X-MEXC-APIKEY: ${DOC_KEY}' '${ACCOUNT}?timestamp=1644489390087&signature=${sig}'`);
    expect(detailOf(r, 'secret-mismatch')).toContain('API key instead of the secret');
  });

  it('says so when the signature is not 64 hex digits (base64)', () => {
    const b64 = Buffer.from(hmac('timestamp=1644489390087'), 'hex').toString('base64');
    const r = lab(`${ACCOUNT}?timestamp=1644489390087&signature=${encodeURIComponent(b64)}`);
    expect(detailOf(r, 'secret-mismatch')).toContain('not 64 hex digits');
  });
});

describe('space-as-plus', () => {
  it('finds a "+" signed where the request sent "%20"', () => {
    const sig = hmac('coin=USDT&remark=my+bot&timestamp=1644489390087');
    const r = lab(`${WITHDRAW}?coin=USDT&remark=my%20bot&timestamp=1644489390087&signature=${sig}`);
    expect(ids(r)).toEqual(['space-as-plus']);
    expect(r.verdict).toBe('Signature does not match: Space encoded as "+" instead of "%20"');
    expect(detailOf(r, 'space-as-plus')).toContain('encodeURIComponent');
  });

  it('finds "%20" signed where the request sent "+"', () => {
    const sig = hmac('coin=USDT&remark=my%20bot&timestamp=1644489390087');
    expect(ids(lab(`${WITHDRAW}?coin=USDT&remark=my+bot&timestamp=1644489390087&signature=${sig}`))).toContain('space-as-plus');
  });

  it('flags a "+" that was signed as sent, and says that is inferred', () => {
    const sig = hmac('coin=USDT&remark=my+bot&timestamp=1644489390087');
    const r = lab(`${WITHDRAW}?coin=USDT&remark=my+bot&timestamp=1644489390087&signature=${sig}`);
    expect(ids(r)).toEqual(['signature-valid', 'space-as-plus']);
    expect(r.valid).toBe(false);
    expect(detailOf(r, 'space-as-plus')).toContain('not documented either way');
    expect(detailOf(r, 'space-as-plus')).not.toContain('[INFERENCE]');
  });
});

describe('lowercase-percent-escapes', () => {
  it('finds lowercase escapes signed where uppercase were sent', () => {
    const sig = hmac('symbols=BTCUSDT%2cETHUSDT&timestamp=1644489390087');
    const r = lab(`${ACCOUNT}?symbols=BTCUSDT%2CETHUSDT&timestamp=1644489390087&signature=${sig}`);
    expect(ids(r)).toEqual(['lowercase-percent-escapes']);
  });

  it('flags lowercase escapes that were signed and sent alike: the docs demand uppercase', () => {
    const sig = hmac('symbols=BTCUSDT%2cETHUSDT&timestamp=1644489390087');
    const r = lab(`${ACCOUNT}?symbols=BTCUSDT%2cETHUSDT&timestamp=1644489390087&signature=${sig}`);
    expect(ids(r)).toEqual(['signature-valid', 'lowercase-percent-escapes']);
    expect(r.valid).toBe(false);
  });
});

describe('signed-unencoded-values', () => {
  it('finds BEP20(BSC) signed raw but sent as BEP20%28BSC%29 (docs/mexc-api.md §1.2 vector d6e8…6353)', () => {
    const r = lab(`${WITHDRAW}?coin=USDT&network=BEP20%28BSC%29&timestamp=1644489390087&signature=d6e890f5a4c47f1bae5c99986a5b09eb88b055030367e3444bcc37675dd26353`);
    expect(ids(r)).toEqual(['signed-unencoded-values']);
    expect(r.signature?.signedString).toBe('coin=USDT&network=BEP20(BSC)&timestamp=1644489390087');
  });

  it('finds the reverse: signed BEP20%28BSC%29 (c776…9d50) but sent raw, and says the server behaviour is inferred', () => {
    const r = lab(`${WITHDRAW}?coin=USDT&network=BEP20(BSC)&timestamp=1644489390087&signature=c776250ca6c91cab13a6eb1abd3f99ee700d2a7f27fe908c8401a8579b449d50`);
    expect(ids(r)).toEqual(['signed-unencoded-values']);
    expect(detailOf(r, 'signed-unencoded-values')).toContain('inferred, not documented');
  });

  it('warns that a valid signature over raw ( ) may still be refused (docs/mexc-api.md §1.3)', () => {
    const r = lab(`${WITHDRAW}?coin=USDT&network=BEP20(BSC)&timestamp=1644489390087&signature=d6e890f5a4c47f1bae5c99986a5b09eb88b055030367e3444bcc37675dd26353`);
    expect(ids(r)).toEqual(['signature-valid', 'signed-unencoded-values']);
    expect(r.valid).toBe(false);
    expect(detailOf(r, 'signed-unencoded-values')).toContain('https://github.com/mexcdevelop/mexc-api-sdk/issues/22');
  });
});

describe('signature-signed-itself', () => {
  it('finds an empty "signature=" placeholder in the signed string', () => {
    const sig = hmac('recvWindow=5000&timestamp=1644489390087&signature=');
    expect(ids(lab(`${ACCOUNT}?recvWindow=5000&timestamp=1644489390087&signature=${sig}`))).toEqual(['signature-signed-itself']);
  });

  it('finds an earlier signature kept in the params and signed again', () => {
    const old = hmac('timestamp=1644489380000'); // from the previous request
    const sig = hmac(`timestamp=1644489390087&signature=${old}`);
    const r = lab(`${ACCOUNT}?timestamp=1644489390087&signature=${old}&signature=${sig}`);
    expect(ids(r)).toEqual(['signature-signed-itself']);
  });
});

describe('param-order-differs', () => {
  it('finds parameters signed sorted alphabetically but sent in insertion order', () => {
    const sig = hmac('price=11&quantity=1&recvWindow=5000&side=BUY&symbol=BTCUSDT&timestamp=1644489390087&type=LIMIT');
    const r = lab(postCurl(`${EXAMPLE_PARAMS}&signature=${sig}`));
    expect(ids(r)).toEqual(['param-order-differs']);
    expect(detailOf(r, 'param-order-differs')).toContain('futures');
  });
});

describe('query-body-joined-with-ampersand', () => {
  it('finds query + "&" + body: the Example 3 layout signed with the Example 2 signature', () => {
    const r = lab(
      `curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' -H 'Content-Type: application/json' ` +
        `'https://api.mexc.com/api/v3/order?${EXAMPLE3_QUERY}' -d '${EXAMPLE3_BODY}&signature=${EXAMPLE_SIG}'`,
    );
    expect(ids(r)).toEqual(['query-body-joined-with-ampersand']);
  });
});

describe('stray-ampersand', () => {
  it('finds the Go demo bug: a leading "&" in the signed string', () => {
    const sig = hmac('&timestamp=1644489390087');
    expect(ids(lab(`${ACCOUNT}?timestamp=1644489390087&signature=${sig}`))).toEqual(['stray-ampersand']);
  });

  it('finds a trailing "&"', () => {
    const sig = hmac('recvWindow=5000&timestamp=1644489390087&');
    expect(ids(lab(`${ACCOUNT}?recvWindow=5000&timestamp=1644489390087&signature=${sig}`))).toEqual(['stray-ampersand']);
  });
});

describe('signed-params-differ', () => {
  it('finds recvWindow added after signing', () => {
    const sig = hmac('timestamp=1644489390087');
    const r = lab(`${ACCOUNT}?timestamp=1644489390087&recvWindow=5000&signature=${sig}`);
    expect(ids(r)).toEqual(['signed-params-differ']);
    expect(detailOf(r, 'signed-params-differ')).toContain('without recvWindow');
  });
});

describe('signature-uppercase', () => {
  it('finds right hex digits in the wrong case', () => {
    const r = lab(postCurl(`${EXAMPLE_PARAMS}&signature=${EXAMPLE_SIG.toUpperCase()}`));
    expect(ids(r)).toEqual(['signature-uppercase']);
    expect(r.verdict).toBe('Signature does not match: Signature in uppercase hex');
    expect(detailOf(r, 'signature-uppercase')).toContain('lowercase only');
  });
});

describe('signature-missing', () => {
  it('reports a request without signature as a problem, not as unusable input', () => {
    const r = lab(`${ACCOUNT}?timestamp=1644489390087`);
    expect(ids(r)).toEqual(['signature-missing']);
    expect(r.valid).toBe(false);
    expect(detailOf(r, 'signature-missing')).toContain('700004');
  });

  it('treats an empty "signature=" as missing', () => {
    expect(ids(lab(`${ACCOUNT}?timestamp=1644489390087&signature=`))).toEqual(['signature-missing']);
  });
});

describe('timestamp-missing', () => {
  it('reports a signed request without timestamp', () => {
    const sig = hmac('recvWindow=5000');
    expect(ids(lab(`${ACCOUNT}?recvWindow=5000&signature=${sig}`))).toEqual(['signature-valid', 'timestamp-missing']);
  });
});

describe('timestamp-in-seconds', () => {
  it('reports a 10-digit timestamp even when the signature is valid', () => {
    const sig = hmac('timestamp=1644489390');
    const r = lab(`${ACCOUNT}?timestamp=1644489390&signature=${sig}`);
    expect(ids(r)).toEqual(['signature-valid', 'timestamp-in-seconds']);
    expect(r.valid).toBe(false);
    expect(r.verdict).toBe('Signature valid, but the request has a problem: Timestamp in seconds, not milliseconds');
  });

  it("reports Python's time.time() with a fraction", () => {
    const sig = hmac('timestamp=1644489390.087');
    expect(ids(lab(`${ACCOUNT}?timestamp=1644489390.087&signature=${sig}`))).toContain('timestamp-in-seconds');
  });
});

describe('recv-window-too-large', () => {
  it('reports recvWindow=70000', () => {
    const sig = hmac('recvWindow=70000&timestamp=1644489390087');
    const r = lab(`${ACCOUNT}?recvWindow=70000&timestamp=1644489390087&signature=${sig}`);
    expect(ids(r)).toEqual(['signature-valid', 'recv-window-too-large']);
    expect(detailOf(r, 'recv-window-too-large')).toContain('700005');
  });

  it('leaves recvWindow=60000 alone', () => {
    const sig = hmac('recvWindow=60000&timestamp=1644489390087');
    expect(ids(lab(`${ACCOUNT}?recvWindow=60000&timestamp=1644489390087&signature=${sig}`))).toEqual(['signature-valid']);
  });
});

describe('legacy-endpoint', () => {
  it('reports the v2 API with api_key/req_time/sign on www.mexc.com', () => {
    const r = lab('https://www.mexc.com/open/api/v2/account/info?api_key=mx0aBYs33eIilxBWC5&req_time=1644489390&sign=abc123');
    expect(ids(r)).toContain('legacy-endpoint');
    const d = detailOf(r, 'legacy-endpoint');
    expect(d).toContain('v2');
    expect(d).toContain('api_key, req_time, sign');
    expect(d).toContain('website');
  });

  it('says a bare futures URL with spot signing cannot be checked, without a spot finding', () => {
    const sig = hmac('timestamp=1644489390087');
    const r = lab(`https://contract.mexc.com/api/v1/private/account/assets?timestamp=1644489390087&signature=${sig}`);
    expect(ids(r)).toEqual([]);
    expect(r.valid).toBe(false);
    expect(r.verdict).toMatch(/^Cannot check this futures request: .*spot-style timestamp\/signature parameters/);
  });

  it('reports a spot path on the futures host', () => {
    const sig = hmac('timestamp=1644489390087');
    const r = lab(`https://contract.mexc.com/api/v3/account?timestamp=1644489390087&signature=${sig}`);
    expect(detailOf(r, 'legacy-endpoint')).toContain('futures (contract) host');
  });

  it('reports the old api.mxc.com host', () => {
    const sig = hmac('timestamp=1644489390087');
    expect(ids(lab(`https://api.mxc.com/api/v3/account?timestamp=1644489390087&signature=${sig}`))).toContain('legacy-endpoint');
  });
});

describe('binance-header', () => {
  it('reports X-MBX-APIKEY instead of X-MEXC-APIKEY', () => {
    const sig = hmac('timestamp=1644489390087');
    const r = lab(`curl -H 'X-MBX-APIKEY: ${DOC_KEY}' '${ACCOUNT}?timestamp=1644489390087&signature=${sig}'`);
    expect(ids(r)).toEqual(['signature-valid', 'binance-header']);
  });
});

describe('key-header-missing', () => {
  it('reports a log dump whose headers lack X-MEXC-APIKEY', () => {
    const sig = hmac('timestamp=1644489390087');
    const r = lab(`GET ${ACCOUNT}?timestamp=1644489390087&signature=${sig}\nAccept: application/json\nUser-Agent: mybot/1.0\n`);
    expect(ids(r)).toEqual(['signature-valid', 'key-header-missing']);
  });

  it('accepts the header in any letter case, as the Python demo sends it', () => {
    const sig = hmac('timestamp=1644489390087');
    const r = lab(`GET ${ACCOUNT}?timestamp=1644489390087&signature=${sig}\nx-mexc-apikey: ${DOC_KEY}\n`);
    expect(ids(r)).toEqual(['signature-valid']);
  });

  it('does not report it for a bare URL, which cannot show headers, and says so in a note', () => {
    const sig = hmac('timestamp=1644489390087');
    const r = lab(`${ACCOUNT}?timestamp=1644489390087&signature=${sig}`);
    expect(ids(r)).toEqual(['signature-valid']);
    expect(r.valid).toBe(true);
    expect(r.notes.join(' ')).toContain('cannot check them');
  });
});

describe('content-type-missing', () => {
  it('reports a POST without Content-Type even when the signature is valid', () => {
    const r = lab(`curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' 'https://api.mexc.com/api/v3/order?${EXAMPLE_PARAMS}&signature=${EXAMPLE_SIG}'`);
    expect(ids(r)).toEqual(['signature-valid', 'content-type-missing']);
    expect(r.valid).toBe(false);
    expect(detailOf(r, 'content-type-missing')).toContain('700013');
  });

  it("explains curl's own form Content-Type on a -d request", () => {
    const r = lab(`curl -H 'X-MEXC-APIKEY: ${DOC_KEY}' https://api.mexc.com/api/v3/order -d '${EXAMPLE_PARAMS}&signature=${EXAMPLE_SIG}'`);
    expect(ids(r)).toEqual(['signature-valid', 'content-type-missing']);
    expect(detailOf(r, 'content-type-missing')).toContain('curl adds by itself');
  });

  it('does not ask for a Content-Type on GET', () => {
    const sig = hmac('timestamp=1644489390087');
    expect(ids(lab(`curl -H 'X-MEXC-APIKEY: ${DOC_KEY}' '${ACCOUNT}?timestamp=1644489390087&signature=${sig}'`))).toEqual(['signature-valid']);
  });
});

describe('combinations', () => {
  it('names both mistakes when parameters were signed sorted and with "+" for a space', () => {
    const sig = hmac('coin=USDT&remark=my+bot&timestamp=1644489390087');
    const r = lab(`${WITHDRAW}?remark=my%20bot&coin=USDT&timestamp=1644489390087&signature=${sig}`);
    expect(ids(r).sort()).toEqual(['param-order-differs', 'space-as-plus']);
  });

  it('reports seconds timestamp, missing Content-Type and a valid signature together', () => {
    const sig = hmac('symbol=BTCUSDT&timestamp=1644489390');
    const r = lab(`curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' 'https://api.mexc.com/api/v3/order/test?symbol=BTCUSDT&timestamp=1644489390&signature=${sig}'`);
    expect(ids(r)).toEqual(['signature-valid', 'content-type-missing', 'timestamp-in-seconds']);
    expect(r.verdict).toContain('(and 1 more)');
  });

  it('names sorted order and query+"&"+body together', () => {
    const sig = hmac('side=BUY&symbol=BTCUSDT&type=LIMIT&price=11&quantity=1&recvWindow=5000&timestamp=1644489390087');
    const r = lab(
      `curl -X POST -H 'X-MEXC-APIKEY: ${DOC_KEY}' -H 'Content-Type: application/json' ` +
        `'https://api.mexc.com/api/v3/order?${EXAMPLE3_QUERY}' -d '${EXAMPLE3_BODY}&signature=${sig}'`,
    );
    expect(ids(r).sort()).toEqual(['param-order-differs', 'query-body-joined-with-ampersand']);
  });
});
