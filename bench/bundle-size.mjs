// Bundle size of a one-call app (construct a client, list instances once), esbuild --bundle --minify for Node,
// ours next to @aws-sdk/client-ec2. Ours imports the built `dist` of @multicloud/provider-ec2 (build it first:
// `pnpm turbo run build --filter=@multicloud/provider-ec2...`); ours is also measured with undici external, as
// an app that already depends on undici (or on another multicloud driver) pays for it once.
//   node bundle-size.mjs           → prints a table and writes results/bundle-size.md
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url);
const apps = {
  ours: `import { createEc2Compute } from '@multicloud/provider-ec2';
const ec2 = createEc2Compute({ region: 'us-east-1' });
console.log((await ec2.listNodes()).length);`,
  aws: `import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
const client = new EC2Client({ region: 'us-east-1' });
const output = await client.send(new DescribeInstancesCommand({}));
console.log(output.Reservations?.length);`,
};
// `cpu-features` is ssh2's optional native addon (ssh2 is reached through @multicloud/compute's lazy
// `import('ssh2')` for deployNode): esbuild cannot bundle a .node file, so an app marks it external.
const NATIVE = ['cpu-features'];
const variants = [
  { name: '@multicloud/provider-ec2 (undici bundled)', app: 'ours', external: NATIVE },
  { name: '@multicloud/provider-ec2 (undici external)', app: 'ours', external: [...NATIVE, 'undici'] },
  { name: '@aws-sdk/client-ec2', app: 'aws', external: [] },
];
mkdirSync(new URL('.out/', here), { recursive: true });
const rows = ['| one-call app | minified | gzip -9 | largest inputs (minified bytes in the bundle) |', '|---|---:|---:|---|'];
for (const [index, variant] of variants.entries()) {
  const result = await build({
    stdin: { contents: apps[variant.app], resolveDir: here.pathname, loader: 'js', sourcefile: `${variant.app}.mjs` },
    bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node20', write: false, metafile: true,
    external: variant.external, logLevel: 'error', outfile: new URL(`.out/bundle-${index}.mjs`, here).pathname,
  });
  const code = result.outputFiles[0].contents;
  writeFileSync(result.outputFiles[0].path, code);
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  const byPackage = new Map();
  for (const [path, { bytesInOutput }] of inputs) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(path)?.[1] ?? /packages\/([^/]+)\//.exec(path)?.[1] ?? path;
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  const largest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`).join(', ');
  rows.push(`| ${variant.name} | ${(code.length / 1024).toFixed(1)} KB | ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB | ${largest} |`);
}
const report = [
  '# Bundle size of a one-call app', '',
  `- date: ${new Date().toISOString()}, esbuild ${(await import('esbuild')).version}, Node ${process.version}`,
  '- command: `cd bench && node bundle-size.mjs` (esbuild: bundle, minify, platform node, format esm, target node20)',
  '- our package is bundled from its built `dist` (`pnpm turbo run build --filter=@multicloud/provider-ec2...`)', '',
  ...rows,
].join('\n');
console.log(rows.join('\n'));
mkdirSync(new URL('results/', here), { recursive: true });
writeFileSync(new URL('results/bundle-size.md', here), `${report}\n`);
