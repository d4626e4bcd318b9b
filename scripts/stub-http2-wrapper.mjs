// See stub-got-optional.mjs: got loads http2-wrapper at start-up but uses it only with `http2: true`.
import { http2Wrapper } from './stub-got-optional.mjs';
export default http2Wrapper;
