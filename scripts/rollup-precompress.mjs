// Each bundle file beside its Brotli and gzip forms (`perron.js.br`, `perron.js.gz`), compressed
// once at build time at the best levels, so that the node sends them without compressing per request.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function precompress() {
  return {
    name: 'precompress',
    writeBundle(options, bundle) {
      for (const [fileName, file] of Object.entries(bundle)) {
        if (file.type !== 'chunk') continue;
        const path = join(options.dir, fileName);
        const source = Buffer.from(file.code);
        writeFileSync(`${path}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }));
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}
