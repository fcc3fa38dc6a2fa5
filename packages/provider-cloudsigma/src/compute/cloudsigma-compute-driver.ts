import { createCloudSigmaV1Driver, type CloudSigmaV1ComputeDriver } from '../v1/cloudsigma-v1-driver.js';
import { createCloudSigmaV2Driver, type CloudSigmaV2ComputeDriver } from '../v2/cloudsigma-v2-driver.js';
import { resolveCloudSigmaSettings, type CloudSigmaComputeSettings } from './cloudsigma-settings.js';

/** A CloudSigma compute driver of either API version; `apiVersion` tells which. */
export type CloudSigmaComputeDriver = CloudSigmaV1ComputeDriver | CloudSigmaV2ComputeDriver;

/**
 * Creates a CloudSigma compute driver for API 1.0 (`apiVersion: '1.0'`: plain-text key/value bodies). No I/O
 * happens and no credential is read until the first call.
 * @throws ValidationError for blank credentials, an unknown region or API version, a malformed endpoint
 */
export function createCloudSigmaCompute(settings: CloudSigmaComputeSettings & { readonly apiVersion: '1.0' }): CloudSigmaV1ComputeDriver;
/**
 * Creates a CloudSigma compute driver for API 2.0 (the default). No I/O happens and no credential is read until
 * the first call.
 *
 * @example
 * ```ts
 * import { createCloudSigmaCompute } from '@multicloud/provider-cloudsigma';
 * const cloudsigma = createCloudSigmaCompute({ region: 'fra' }); // CLOUDSIGMA_USERNAME / CLOUDSIGMA_PASSWORD
 * for await (const node of cloudsigma.iterateNodes()) console.log(node.name, node.state);
 * ```
 * @throws ValidationError for blank credentials, an unknown region or API version, a malformed endpoint
 */
export function createCloudSigmaCompute(settings?: CloudSigmaComputeSettings & { readonly apiVersion?: '2.0' | undefined }): CloudSigmaV2ComputeDriver;
/**
 * Creates a CloudSigma compute driver for the API version the settings select (default `2.0`).
 * @throws ValidationError for blank credentials, an unknown region or API version, a malformed endpoint
 */
export function createCloudSigmaCompute(settings?: CloudSigmaComputeSettings): CloudSigmaComputeDriver;
export function createCloudSigmaCompute(settings: CloudSigmaComputeSettings = {}): CloudSigmaComputeDriver {
  const resolved = resolveCloudSigmaSettings(settings);
  return resolved.apiVersion === '1.0' ? createCloudSigmaV1Driver(resolved, settings) : createCloudSigmaV2Driver(resolved, settings);
}
