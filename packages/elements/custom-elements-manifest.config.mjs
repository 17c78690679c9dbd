// The Custom Elements Manifest (custom-elements.json), from the classes' JSDoc: `npm run build`
// writes it, Storybook reads it, the framework typings are made from it, and
// test/manifest.test.ts checks that it lists every attribute, event, part and custom property.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself: a check writing one elsewhere must not rewrite it.
  packagejson: false,
};
