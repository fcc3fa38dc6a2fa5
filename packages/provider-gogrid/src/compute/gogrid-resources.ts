import { assertOwnModel } from '@multicloud/core';
import type { CallOptions, ListOptions, NodeImage, NodeLocation } from '@multicloud/compute';
import type { GoGridClient } from '../gogrid-client.js';
import { GOGRID } from '../gogrid-provider.js';
import { convertGoGridImage, convertGoGridLocation } from './convert-gogrid-models.js';

/** Lists server images (`grid/image/list`), optionally of one data center (`datacenter`). */
export async function listGoGridImages(client: GoGridClient, options: ListOptions = {}): Promise<NodeImage[]> {
  if (options.location !== undefined) assertOwnModel('options.location', options.location, GOGRID);
  const answer = await client.call('grid/image/list', { datacenter: options.location?.id }, { signal: options.signal });
  return answer.list.map(convertGoGridImage);
}

/** Lists data centers (`common/lookup/list?lookup=ip.datacenter`) as locations. */
export async function listGoGridLocations(client: GoGridClient, options: CallOptions = {}): Promise<NodeLocation[]> {
  const answer = await client.call('common/lookup/list', { lookup: 'ip.datacenter' }, { signal: options.signal });
  return answer.list.map(convertGoGridLocation);
}
