// Cold start: import + construct of our EC2 driver versus the AWS SDK's EC2Client, each in a fresh `node`
// process (nothing cached in-process; the OS file cache is warm after the first run, as on a developer machine or
// a warm container). Reports the median of RUNS (default 15) for the in-process time (import + construct, measured
// inside the child) and for the whole process (spawn to exit, node's own start included).
//   node cold-start.mjs            → prints a table and writes results/cold-start.md
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const here = new URL('.', import.meta.url);
const programs = {
  '@multicloud/provider-ec2 createEc2Compute()': `
    const started = performance.now();
    const { createEc2Compute } = await import('@multicloud/provider-ec2');
    createEc2Compute({ region: 'us-east-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
    console.log(performance.now() - started);`,
  '@aws-sdk/client-ec2 new EC2Client()': `
    const started = performance.now();
    const { EC2Client, DescribeInstancesCommand } = await import('@aws-sdk/client-ec2');
    new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    void DescribeInstancesCommand;
    console.log(performance.now() - started);`,
};

mkdirSync(new URL('.out/', here), { recursive: true });
const files = Object.entries(programs).map(([name, source], index) => {
  const file = new URL(`.out/cold-start-${index}.mjs`, here);
  writeFileSync(file, source);
  return { name, path: file.pathname, inside: [], whole: [] };
});
const load = loadavg()[0];
for (let round = 0; round < runs + 1; round++) {
  for (const program of round % 2 === 0 ? files : [...files].reverse()) {
    const started = performance.now();
    const output = execFileSync(process.execPath, ['--no-warnings', program.path], { cwd: here.pathname, encoding: 'utf8' });
    const whole = performance.now() - started;
    if (round === 0) continue; // the first run warms the OS file cache
    program.inside.push(Number(output.trim()));
    program.whole.push(whole);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const rows = ['| | import + construct, ms (median) | whole process, ms (median) |', '|---|---:|---:|'];
for (const program of files) rows.push(`| ${program.name} | ${median(program.inside).toFixed(1)} | ${median(program.whole).toFixed(1)} |`);
const bare = [];
for (let round = 0; round < runs; round++) {
  const started = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  bare.push(performance.now() - started);
}
rows.push(`| (\`node -e 0\`, for reference) | – | ${median(bare).toFixed(1)} |`);
const report = [
  '# Cold start: import + construct', '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
  `- command: \`cd bench && node cold-start.mjs\` (BENCH_RUNS=${runs}; a fresh process per run, after one unmeasured run each)`,
  '- our package is imported from its built `dist` (`pnpm turbo run build --filter=@multicloud/provider-ec2...`)', '',
  ...rows,
].join('\n');
console.log(rows.join('\n'));
mkdirSync(new URL('results/', here), { recursive: true });
writeFileSync(new URL('results/cold-start.md', here), `${report}\n`);
