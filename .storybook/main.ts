import type { StorybookConfig } from '@storybook/web-components-vite';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

// The manifest (a build output) feeds the stories' controls: made fresh from the classes' JSDoc.
execFileSync(
  `${root}node_modules/.bin/custom-elements-manifest`,
  ['analyze', '--quiet'], // what and how: packages/elements/custom-elements-manifest.config.mjs
  { cwd: `${root}packages/elements`, stdio: 'inherit' },
);

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/elements/src/**/*.stories.ts'],
  // msw's worker, served at the root so that its scope covers the stories.
  staticDirs: ['../packages/elements/public'],
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    // Workspace packages resolve to their TypeScript sources, as in the tests and the bundles.
    vite.resolve ??= {};
    vite.resolve.conditions = ['source', 'browser', 'module', 'import', 'default'];
    return vite;
  },
};
export default config;
