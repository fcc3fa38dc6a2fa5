import { ValidationError, assertOwnModel } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type Node, type Volume } from '@multicloud/compute';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import { callAction, type CloudSigmaJsonClient } from './cloudsigma-json-client.js';
import { getV2Drive, resizeV2Drive } from './cloudsigma-v2-drives.js';
import { serverPath } from './cloudsigma-v2-nodes.js';
import { GIB, convertCloudSigmaV2Volume } from './convert-cloudsigma-v2-models.js';
import { asRecord, requiredString } from './json-fields.js';

/** CloudSigma API 2.0 operations beyond the portable contract. */
export interface CloudSigmaV2Extras {
  /** Opens a VNC tunnel to a running server (`?do=open_vnc`) and returns its `vnc://` URL. */
  exOpenVncTunnel(node: Node, options?: CallOptions): Promise<string>;
  /** Closes the server's VNC tunnel (`?do=close_vnc`). */
  exCloseVncTunnel(node: Node, options?: CallOptions): Promise<void>;
  /** Grows a drive to `size` GB (`?do=resize`); the answer shows it while CloudSigma works on it. */
  exResizeVolume(volume: Volume, size: number, options?: CallOptions): Promise<Volume>;
}

/** The `ex` operations of an API 2.0 driver. */
export function cloudSigmaV2Extras(client: CloudSigmaJsonClient): CloudSigmaV2Extras {
  return {
    async exOpenVncTunnel(node, options = {}) {
      assertOwnModel('node', node, CLOUDSIGMA);
      const answer = await callAction(client, serverPath(node.id), 'open_vnc', { signal: options.signal, notFound: NodeDoesNotExistError });
      return requiredString(asRecord(answer, 'open_vnc answer'), 'vnc_url', 'open_vnc answer');
    },
    async exCloseVncTunnel(node, options = {}) {
      assertOwnModel('node', node, CLOUDSIGMA);
      await callAction(client, serverPath(node.id), 'close_vnc', { signal: options.signal, notFound: NodeDoesNotExistError });
    },
    async exResizeVolume(volume, size, options = {}) {
      assertOwnModel('volume', volume, CLOUDSIGMA);
      if (!Number.isInteger(size) || size < 1) throw new ValidationError('size', 'must be a whole number of GB ≥ 1');
      const drive = await getV2Drive(client, volume.id, options.signal);
      return convertCloudSigmaV2Volume(await resizeV2Drive(client, drive, size * GIB, options.signal));
    },
  };
}
