// Runs the simulator in a worker thread, so its timers and the client under test do not share
// one event loop (as with a real server). Messages: {start: {offsetMs, profile}} → {url}; {stop}.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { startSimulator } = await import(pathToFileURL(workerData.srcFile).href);
const uniform = (lo, hi) => lo + Math.random() * (hi - lo);
const none = { beforeHandleMs: 0, beforeSendMs: 0 };
/** Delay profiles for /api/v3/time: [request path, response path] in ms. */
const PROFILES = {
  symmetric50: () => ({ beforeHandleMs: 50, beforeSendMs: 50 }),
  slowRequest: () => ({ beforeHandleMs: uniform(0, 150), beforeSendMs: uniform(0, 20) }),
  slowResponse: () => ({ beforeHandleMs: uniform(0, 20), beforeSendMs: uniform(0, 150) }),
  jitter: () => ({ beforeHandleMs: uniform(0, 200), beforeSendMs: uniform(0, 200) }),
};

let sim;
parentPort.on('message', async (msg) => {
  if (msg.start) {
    const delay = PROFILES[msg.start.profile];
    sim = await startSimulator({
      port: 0,
      apiKey: workerData.apiKey,
      secret: workerData.secret,
      scenario: 'ok',
      latencyMs: msg.start.latencyMs ?? 0,
      serverClockOffsetMs: msg.start.offsetMs,
      delayMs: (req) => (req.path === '/api/v3/time' && delay ? delay() : none),
    });
    parentPort.postMessage({ url: sim.url });
  } else if (msg.stop) {
    await sim?.close();
    sim = undefined;
    parentPort.postMessage({ stopped: true });
  }
});
parentPort.postMessage({ ready: true });
