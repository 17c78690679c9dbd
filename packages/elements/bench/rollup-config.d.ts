// The build's own settings, which the size benches read (rollup.config.mjs is plain JavaScript).
declare module '*/rollup.config.mjs' {
  const configs: import('rollup').RollupOptions[];
  export default configs;
}
