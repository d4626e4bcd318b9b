/** The signature lab (issue #5): what is wrong with a request the user's code sent to MEXC. */
export { parseRequestText, EXPECTED_INPUT } from './parse-request.js';
export { inspectRequest } from './inspect-request.js';
export { inspectPaste } from './inspect-paste.js';
export { futuresInputProblem, isFuturesRequest } from './futures.js';
export { LAB_CATALOG } from './findings.js';
export { LAB_FINDING_IDS } from './types.js';
export type { LabFinding, LabFindingId, LabResult, ParsedRequest, RawParam, RequestHeader } from './types.js';
