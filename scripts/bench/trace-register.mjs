// `node --import ./scripts/bench/trace-register.mjs …`: records which bundle chunks a command loads.
import { register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url);
