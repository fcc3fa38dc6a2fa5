import { stampProvider, type TransportEvent } from '@multicloud/core';
import { setupPolly } from '@multicloud/polly-adapter-undici';
import { createCloudSigmaCompute } from '@multicloud/provider-cloudsigma';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../support/credentials.js';
import { recordingName, recordingsOf } from '../support/recorded-scenarios.js';

/**
 * Secrets, part 3: passwords a caller gives a driver for the machines it creates (not credentials of the driver,
 * so the transport cannot know them as secrets) must not reach a log event either. Rackspace's JSON `adminPass` is
 * covered by the replayed suites; CloudSigma API 1.0 sends its VNC password in its plain-text format.
 */
describe('server passwords in request bodies', () => {
  // redactBody knows `key value` text bodies, so the request event of CloudSigma 1.0's `POST /servers/create` logs the
  // `vnc:password <value>` line redacted (was a bug: it logged the password as it was).
  it('cloudsigma 1.0 createNode: the VNC password is not in any log event', async () => {
    const test = 'cloudsigma 1.0 createNode > clones the drive, waits for imaging, creates the server in the text format, and starts it';
    const polly = setupPolly({ recordingsDir: recordingsOf('provider-cloudsigma'), recordingName: recordingName(test), mode: 'replay', global: false });
    const events: TransportEvent[] = [];
    // Recorded bodies are matched scrubbed, so this password need not be the one the recorded test used.
    const vncPassword = 'another vnc pass 2';
    try {
      const driver = createCloudSigmaCompute({ ...FAKE.cloudsigma, region: 'zrh', apiVersion: '1.0', pollIntervalMs: 1, retry: false, dispatcher: polly.dispatcher, logger: (event) => events.push(event) });
      const [size] = await driver.listSizes();
      if (!size) throw new Error('no size');
      const image = stampProvider({ id: 'd18119ce_7afa_474a_9242_e0384b160220', name: 'CentOS', extra: {} }, 'cloudsigma');
      await driver.createNode({ name: 'cloudsigma node', size, image, exVncPassword: vncPassword, exRam: 1024, exNicModel: 'virtio' });
    } finally {
      await polly.stop();
    }
    expect(events.filter((event) => event.type === 'request')).toHaveLength(4);
    expect(JSON.stringify(events)).not.toContain(vncPassword);
  });
});
