// The manifest is a build output (gitignored): typed here so that a fresh clone type-checks before
// any build. Storybook's main.ts writes it before the stories load.
declare module '@perron/elements/custom-elements.json' {
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}
