// Test helper, run in its own process: creates a node under `<root>`, leaves a background job and a service running
// on it, prints their pids as one JSON line, then exits (`exit`) or waits to be killed (`hang`).
import { createLocalCompute } from '../../src/index.js';

const [root, mode] = process.argv.slice(2) as [string, 'exit' | 'hang'];
const compute = createLocalCompute({ root });
const node = await compute.createNode({ name: `owned-${mode}`, size: (await compute.listSizes())[0]!, image: (await compute.listImages())[0]! });
const channel = await compute.exOpenChannel(node);
const background = await channel.run('sleep 300 > /dev/null 2>&1 & echo $!');
const service = await compute.exStartService(node, { name: 'sleeper', command: 'sleep 301' });
console.log(JSON.stringify({ nodeId: node.id, supervisor: node.extra.pid, background: Number(background.stdout.trim()), service: service.pid }));
if (mode === 'hang') setInterval(() => undefined, 1000);
