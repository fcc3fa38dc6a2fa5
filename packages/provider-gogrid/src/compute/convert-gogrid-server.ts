import { stampProvider } from '@multicloud/core';
import type { Node } from '@multicloud/compute';
import { booleanField, objectField, optionName, requiredText, textField, type GoGridObject } from '../gogrid-fields.js';
import { GOGRID } from '../gogrid-provider.js';
import { convertGoGridImage, convertGoGridLocation, goGridSize } from './convert-gogrid-models.js';
import { goGridNodeState } from './gogrid-node-state.js';

/** The root login GoGrid generated for a server (`support/password/list`). */
export interface GoGridServerLogin {
  /** User name, e.g. `root`. */
  readonly username: string | undefined;
  /** The generated password. */
  readonly password: string | undefined;
}

/**
 * A GoGrid server (`grid/server/list`, `…/get`, `…/add`, `…/power`) → Node. A server that has just been added has
 * no `id` yet: its id is then the empty string (see `createNode`, which waits for the real one).
 */
export function convertGoGridServer(item: GoGridObject, login?: GoGridServerLogin): Node {
  const address = objectField(item, 'ip');
  const ip = address === undefined ? undefined : textField(address, 'ip');
  const isPublic = address === undefined ? false : booleanField(address, 'public') !== false;
  const image = objectField(item, 'image');
  const datacenter = objectField(item, 'datacenter');
  const ram = optionName(item, 'ram');
  return stampProvider({
    id: textField(item, 'id') ?? '',
    name: requiredText(item, 'name', 'a server'),
    state: goGridNodeState(optionName(item, 'state')),
    publicIps: ip !== undefined && isPublic ? [ip] : [],
    privateIps: ip !== undefined && !isPublic ? [ip] : [],
    provider: GOGRID,
    size: ram === undefined ? undefined : goGridSize(ram),
    image: image === undefined ? undefined : convertGoGridImage(image),
    location: datacenter === undefined ? undefined : convertGoGridLocation(datacenter),
    extra: {
      state: optionName(item, 'state'),
      ram,
      description: textField(item, 'description') ?? '',
      os: optionName(item, 'os'),
      type: optionName(item, 'type'),
      isSandbox: booleanField(item, 'isSandbox'),
      ipId: address === undefined ? undefined : textField(address, 'id'),
      ...(login?.username === undefined ? {} : { username: login.username }),
      ...(login?.password === undefined ? {} : { password: login.password }),
    },
  }, GOGRID);
}
