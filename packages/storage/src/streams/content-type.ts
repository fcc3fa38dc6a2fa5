/** Common file extensions → content types; anything else is `application/octet-stream`. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  txt: 'text/plain', html: 'text/html', htm: 'text/html', css: 'text/css', csv: 'text/csv', md: 'text/markdown',
  js: 'text/javascript', mjs: 'text/javascript', json: 'application/json', xml: 'application/xml', yaml: 'application/yaml', yml: 'application/yaml',
  pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip', tgz: 'application/gzip', tar: 'application/x-tar',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', ico: 'image/x-icon',
  mp4: 'video/mp4', webm: 'video/webm', mp3: 'audio/mpeg', wav: 'audio/wav', wasm: 'application/wasm', woff2: 'font/woff2',
};

/** The content type for an object name, from its extension (`application/octet-stream` when unknown). */
export function guessContentType(objectName: string): string {
  const base = objectName.slice(objectName.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[base.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}
