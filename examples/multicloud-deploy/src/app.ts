/**
 * The app the demo deploys: a tiny HTTP server that names the server it runs on. It reads `PORT` and
 * `NODE_NAME` (set on local nodes) and falls back to 8080 and the host name, so the same file runs on a cloud
 * server over SSH.
 */
export const APP_SOURCE = `import { createServer } from 'node:http';
import { hostname } from 'node:os';
const name = process.env.NODE_NAME || hostname();
const port = Number(process.env.PORT || 8080);
createServer((request, response) => {
  response.setHeader('content-type', 'text/plain; charset=utf-8');
  response.end('Hello World from ' + name + '\\n');
}).listen(port, () => console.log('listening on ' + port));
`;

/** Starts the app in the background so the deployment returns; it stops with the node. */
export const START_SCRIPT = '#!/bin/sh\nnohup node server.mjs > server.log 2>&1 &\n';
