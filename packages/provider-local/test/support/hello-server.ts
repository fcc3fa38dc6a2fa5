import { FileDeployment, MultiStepDeployment, ScriptDeployment, type Deployment } from '@multicloud/compute';

/** A Node.js server answering `Hello World from <NODE_NAME>` on `$PORT`. */
export const HELLO_SERVER = `import { createServer } from 'node:http';
createServer((request, response) => response.end(\`Hello World from \${process.env.NODE_NAME}\`)).listen(Number(process.env.PORT), () => console.log('listening'));
`;

/**
 * The portable way to start it: upload, then launch in the background with nohup and the output in a file. Over SSH
 * the same deployment works (with PORT and NODE_NAME set by the script); on a local node it stays in the node's process
 * group, so stopping or destroying the node stops it.
 */
export const helloDeployment = (): Deployment => MultiStepDeployment([
  FileDeployment({ source: { content: HELLO_SERVER }, target: 'server.mjs', mode: 0o644 }),
  ScriptDeployment({ script: '#!/bin/sh\nnohup node server.mjs > server.log 2>&1 &\necho "started $!"\n' }),
]);
