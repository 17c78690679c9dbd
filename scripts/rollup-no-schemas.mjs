// The elements' browser bundles do not validate with the contract's schemas (their core is made
// with `validate: false`, docs/bundle-size.md), but the route objects they call hold them, and a
// bundler keeps whatever an object passed through a function holds. In the contract's route
// files, each `route({ … })` becomes the plain object a call needs: method, path, format and
// whether it is cacheable, by the rule of route() in route.ts (a GET by anyone). Schemas,
// summaries and error lists stay in OpenAPI, the server and Node's SDK.
export function noRouteSchemas() {
  return {
    name: 'no-route-schemas',
    transform(code, id) {
      if (!/\/packages\/contract\/src\/routes\/[^/]+\.ts$/.test(id)) return null;
      const calls = [];
      (function walk(node) {
        if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'route') calls.push(node);
        for (const value of Object.values(node)) {
          for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') walk(child);
        }
      })(this.parse(code));
      let out = code;
      for (const call of calls.sort((a, b) => b.start - a.start)) {
        const literal = (key, fallback) => {
          const p = call.arguments[0]?.properties?.find((x) => x.type === 'Property' && (x.key.name ?? x.key.value) === key);
          if (!p) return fallback;
          if (p.value.type !== 'Literal') this.error(`${id}: route({ ${key} }) must be a literal for the browser build`);
          return p.value.value;
        };
        const method = literal('method');
        const r = { method, path: literal('path'), format: literal('format', 'json'), cacheable: method === 'GET' && literal('auth', 'public') === 'public' };
        out = `${out.slice(0, call.start)}(${JSON.stringify(r)})${out.slice(call.end)}`;
      }
      return { code: out, map: null };
    },
  };
}
