/**
 * A local S3 sink: speaks just enough of the S3 REST API (path style) for our driver, `@aws-sdk/client-s3` /
 * `@aws-sdk/lib-storage` and raw undici, without storing anything.
 *
 * - `PUT /bucket/key` and `PUT …?partNumber=&uploadId=`: the body is counted and dropped. The ETag is the hex of the
 *   `Content-MD5` the client sent (so a client comparing ETag with its own MD5 is satisfied without the sink hashing a
 *   single byte), else a multipart-style `"…-1"` that no client compares.
 * - `POST ?uploads` / `POST ?uploadId=` / `DELETE ?uploadId=`: initiate / complete (ETag `"…-<parts>"`) / abort.
 * - `GET` / `HEAD /bucket/obj-<bytes>-<mp|md5|crc>`: `<bytes>` bytes streamed from one reused 1 MiB pattern buffer,
 *   with Content-Length, Last-Modified and an ETag that is multipart-style (`mp`: a client cannot verify it, so skips
 *   the MD5) or the real MD5 of the bytes (`md5`, `crc`: computed once, on `prepare` or the first request, then
 *   cached). A `crc` object also answers `x-amz-checksum-crc32` (full object) when asked with
 *   `x-amz-checksum-mode: ENABLED`, like an object uploaded to S3 with a CRC32 checksum (the AWS SDK's default).
 *   `Range: bytes=a-b` answers 206 (a ranged GET of byte 0 is what our `getObject` sends).
 * - `GET /bucket?list-type=2…` (an empty listing) and `PUT /bucket`, so `getContainer` / `createContainer` work.
 *
 * Runs in its own process (`fork`), so its CPU is not the client's event loop: on 2 cores, one core each. Control
 * over IPC: `{ type: 'stats' | 'reset' | 'prepare', size?, id }` → `{ id, stats }`. Stats count TCP connections
 * (`connection` events: sockets opened), requests per kind, body bytes received and the sink's CPU time.
 *
 * Stand-alone: `node .out/sink-server.mjs [port]` (prints `listening <port>`).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { PATTERN, PATTERN_SIZE, patternCrc32, patternMd5 } from './pattern.js';

export interface SinkStats {
  connections: number;
  requests: Record<string, number>;
  /** Object bytes received by PUT object / upload part (decoded size for aws-chunked bodies). */
  bytesIn: number;
  /** Raw body bytes received by every request (aws-chunked framing and multipart manifests included). */
  rawBytesIn: number;
  bytesOut: number;
  /** Sink CPU time since the last reset, ms (user + system). */
  cpuMs: number;
  /** Requests answered with an error status (a benchmark must see none). */
  errors: number;
}

/** Parses `obj-<bytes>-<mp|md5|crc>`. */
function objectOf(key: string): { size: number; etag: string; crc32?: string } | undefined {
  const match = /(?:^|\/)obj-(\d+)-(mp|md5|crc)$/.exec(key);
  if (!match) return undefined;
  const size = Number(match[1]);
  if (match[2] === 'mp') return { size, etag: `${createHash('md5').update(String(size)).digest('hex')}-${Math.max(1, Math.ceil(size / (8 << 20)))}` };
  return { size, etag: patternMd5(size), ...(match[2] === 'crc' ? { crc32: patternCrc32(size) } : {}) };
}

const LAST_MODIFIED = new Date('2026-01-01T00:00:00Z').toUTCString();

export function startSink(port = 0, host = '127.0.0.1'): Promise<{ port: number; stats: () => SinkStats; reset: () => void; close: () => Promise<void> }> {
  let stats: SinkStats;
  let cpuBase = process.cpuUsage();
  let uploads = 0;
  const reset = () => {
    stats = { connections: 0, requests: {}, bytesIn: 0, rawBytesIn: 0, bytesOut: 0, cpuMs: 0, errors: 0 };
    cpuBase = process.cpuUsage();
  };
  reset();
  const count = (kind: string) => {
    stats.requests[kind] = (stats.requests[kind] ?? 0) + 1;
  };
  const xml = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    if (status >= 300) stats.errors++;
    res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), ...headers }).end(body);
  };
  const notFound = (res: ServerResponse, key: string) =>
    xml(res, 404, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${key}</Key></Error>`);

  /** Reads a body, counting and dropping it; `keep` collects it (small bodies: the multipart manifest). */
  const drain = (req: IncomingMessage, keep: boolean, done: (body: string) => void) => {
    const kept: Buffer[] = [];
    let raw = 0;
    req.on('data', (chunk: Buffer) => {
      raw += chunk.length;
      if (keep) kept.push(chunk);
    });
    req.on('end', () => {
      const decoded = Number(req.headers['x-amz-decoded-content-length'] ?? Number.NaN);
      stats.rawBytesIn += raw;
      if (req.method === 'PUT') stats.bytesIn += Number.isNaN(decoded) ? raw : decoded;
      done(keep ? Buffer.concat(kept).toString('utf8') : '');
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sink');
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const query = url.searchParams;
    const method = req.method ?? 'GET';

    if (method === 'PUT') {
      const part = query.has('partNumber');
      count(key === '' ? 'createBucket' : part ? 'uploadPart' : 'putObject');
      drain(req, false, () => {
        const sent = req.headers['content-md5'];
        const etag = typeof sent === 'string' ? Buffer.from(sent, 'base64').toString('hex') : `${'0'.repeat(32)}-1`;
        const echoed: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) if (name.startsWith('x-amz-checksum-') && typeof value === 'string') echoed[name] = value;
        res.writeHead(200, { etag: `"${etag}"`, 'content-length': 0, ...echoed }).end();
      });
      return;
    }
    if (method === 'POST' && query.has('uploads')) {
      count('createMultipartUpload');
      drain(req, false, () => {
        const uploadId = `upload-${++uploads}`;
        xml(res, 200, `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${bucket}</Bucket><Key>${key}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`);
      });
      return;
    }
    if (method === 'POST' && query.has('uploadId')) {
      count('completeMultipartUpload');
      drain(req, true, (manifest) => {
        const parts = manifest.split('<Part>').length - 1;
        const etag = `${createHash('md5').update(manifest).digest('hex')}-${parts}`;
        xml(res, 200, `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Location>http://sink/${bucket}/${key}</Location><Bucket>${bucket}</Bucket><Key>${key}</Key><ETag>"${etag}"</ETag></CompleteMultipartUploadResult>`);
      });
      return;
    }
    if (method === 'DELETE') {
      count(query.has('uploadId') ? 'abortMultipartUpload' : 'deleteObject');
      drain(req, false, () => res.writeHead(204).end());
      return;
    }
    if ((method === 'GET' || method === 'HEAD') && key === '') {
      count('listObjects');
      drain(req, false, () =>
        xml(res, 200, `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>0</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>`, { 'x-amz-bucket-region': 'us-east-1' }),
      );
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      req.resume();
      const object = objectOf(key);
      if (!object) {
        count(`${method.toLowerCase()}Missing`);
        notFound(res, key);
        return;
      }
      const headers: Record<string, string | number> = {
        etag: `"${object.etag}"`, 'last-modified': LAST_MODIFIED, 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes',
      };
      const checksumAsked = String(req.headers['x-amz-checksum-mode'] ?? '').toUpperCase() === 'ENABLED';
      if (object.crc32 && checksumAsked && !req.headers.range) {
        headers['x-amz-checksum-crc32'] = object.crc32;
        headers['x-amz-checksum-type'] = 'FULL_OBJECT';
      }
      let start = 0;
      let end = object.size; // exclusive
      let status = 200;
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (range && method === 'GET') {
        start = range[1] === '' ? Math.max(0, object.size - Number(range[2])) : Number(range[1]);
        end = range[1] !== '' && range[2] !== '' ? Math.min(object.size, Number(range[2]) + 1) : object.size;
        if (start >= object.size || end <= start) {
          count('getRange416');
          stats.errors--; // an expected answer (empty object), not a failure
          xml(res, 416, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidRange</Code></Error>', { 'content-range': `bytes */${object.size}` });
          return;
        }
        status = 206;
        headers['content-range'] = `bytes ${start}-${end - 1}/${object.size}`;
      }
      count(method === 'HEAD' ? 'headObject' : status === 206 ? 'getRange' : 'getObject');
      headers['content-length'] = end - start;
      res.writeHead(status, headers);
      if (method === 'HEAD') {
        res.end();
        return;
      }
      stats.bytesOut += end - start;
      sendPattern(res, start, end);
      return;
    }
    count('unsupported');
    req.resume();
    xml(res, 501, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NotImplemented</Code><Message>${method} ${req.url}</Message></Error>`);
  });
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 130_000;
  server.requestTimeout = 0;
  server.on('connection', () => {
    stats.connections++;
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      resolve({
        port: (server.address() as { port: number }).port,
        stats: () => {
          const cpu = process.cpuUsage(cpuBase);
          return { ...stats, requests: { ...stats.requests }, cpuMs: (cpu.user + cpu.system) / 1000 };
        },
        reset,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

/** Streams bytes [start, end) of the endless pattern with backpressure, from the one buffer (no copies). */
function sendPattern(res: ServerResponse, start: number, end: number): void {
  let position = start;
  const write = () => {
    while (position < end) {
      const offset = position % PATTERN_SIZE;
      const length = Math.min(PATTERN_SIZE - offset, end - position);
      position += length;
      if (!res.write(PATTERN.subarray(offset, offset + length))) {
        res.once('drain', write);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    position = end;
  });
  write();
}

type Control = { readonly id: number; readonly type: 'stats' | 'reset' | 'prepare' | 'exit'; readonly size?: number };

const entry = process.argv[1] ?? '';
if (/sink-server\.m?[jt]s$/.test(entry)) {
  const sink = await startSink(Number(process.argv[2] ?? 0));
  if (process.send) {
    process.on('message', (message: Control) => {
      if (message.type === 'reset') sink.reset();
      if (message.type === 'prepare' && message.size !== undefined) {
        patternMd5(message.size);
        patternCrc32(message.size);
      }
      if (message.type === 'exit') void sink.close().then(() => process.exit(0));
      process.send!({ id: message.id, stats: sink.stats() });
    });
    process.on('disconnect', () => process.exit(0));
    process.send({ ready: true, port: sink.port });
  } else {
    console.log(`listening ${sink.port}`);
  }
}
