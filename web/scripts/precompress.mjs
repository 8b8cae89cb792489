// Writes a Brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside every text asset of the built site, once
// at build time, so a server can send the smallest encoding the browser accepts without compressing per request.
// Static Web Apps compresses by itself in Azure; the local host serves these copies (PrecompressedStaticFiles).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (compressible.test(name)) yield path;
  }
}

let count = 0;
for (const path of files(root)) {
  const bytes = readFileSync(path);
  if (bytes.length < 1024) continue; // Not worth a second request's headers.
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  count++;
}
console.log(`precompress: ${count} file(s) in ${root} have .br and .gz copies`);
