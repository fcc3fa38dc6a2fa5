// Test helper, run in its own process: starts uploading `<container>/<object>` under `<root>`, says so once half the
// bytes are written, then waits for ever for the rest (the test kills it with SIGKILL).
import { createLocalStorage } from '../../src/index.js';

const [root, containerName, objectName] = process.argv.slice(2) as [string, string, string];
const storage = createLocalStorage({ root });
const container = await storage.getContainer(containerName);
async function* halfThenNothing(): AsyncGenerator<Uint8Array> {
  yield Buffer.alloc(1 << 20, 1);
  // Give the write stream time to put the first half on disk.
  await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(JSON.stringify({ halfWritten: true }));
  await new Promise(() => setInterval(() => undefined, 1000));
}
await storage.uploadObjectFromStream(halfThenNothing(), container, objectName);
