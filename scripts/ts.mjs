// `node --conditions=source --import ./scripts/ts.mjs file.ts`: runs the repository's TypeScript
// as it is. The sources need type stripping only (explicit `.ts` imports, no path aliases), so a
// load hook that transpiles each file once, cached by content, is all it takes: a test process
// starts the node in half the CPU a general-purpose loader spent resolving every module.
import { register } from 'node:module';

process.setSourceMapsEnabled(true); // stack traces point into the .ts files
register('./ts-hooks.mjs', import.meta.url);
