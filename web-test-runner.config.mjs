// Element tests in Debian's Chromium: `npx web-test-runner` (or `npm run test:browser`).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { args as chromiumArgs, executablePath } from './scripts/chromium.mjs';

// Nothing leaves the machine: every host but the test server fails to resolve.
const args = [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost'];

/** The strict policy a careful host page sets; the CSP test page is served under it. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

export default {
  files: ['packages/elements/src/**/*.test.ts', 'packages/elements/mocks/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args } })],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  middleware: [
    (ctx, next) => {
      // msw's worker must be served at "/" so that its scope covers the test pages.
      if (ctx.path === '/mockServiceWorker.js') ctx.url = '/packages/elements/public/mockServiceWorker.js';
      return next();
    },
    async (ctx, next) => {
      await next();
      if (ctx.path.endsWith('/test/csp-page.html')) ctx.set('Content-Security-Policy', STRICT_CSP);
    },
  ],
};
