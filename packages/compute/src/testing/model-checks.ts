import { providerOf } from '@multicloud/core';
import { check } from '@multicloud/core/testing';
import { NODE_STATES, type Node, type NodeImage, type NodeLocation, type NodeSize } from '../models.js';

const isStringArray = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');

function checkCommon(kind: string, model: { id: unknown; name: unknown; extra: unknown }, provider: string): void {
  const label = `${kind} ${String(model.id)}`;
  check(typeof model.id === 'string' && model.id !== '', `${kind} id must be a non-empty string, got ${JSON.stringify(model.id)}`);
  check(typeof model.name === 'string', `${label}: name must be a string`);
  check(typeof model.extra === 'object' && model.extra !== null, `${label}: extra must be an object`);
  check(providerOf(model) === provider, `${label}: must be stamped with provider "${provider}" (core's stampProvider)`);
}

/** Checks a node against the contract's shape. */
export function checkNode(node: Node, provider: string): void {
  checkCommon('node', node, provider);
  check((NODE_STATES as readonly string[]).includes(node.state), `node ${node.id}: state "${node.state}" is not a NodeState`);
  check(isStringArray(node.publicIps) && isStringArray(node.privateIps), `node ${node.id}: publicIps/privateIps must be string arrays`);
  check(node.provider === provider, `node ${node.id}: provider must be "${provider}", got "${node.provider}"`);
  check(node.createdAt === undefined || (node.createdAt instanceof Date && !Number.isNaN(node.createdAt.getTime())), `node ${node.id}: createdAt must be a valid Date`);
}

/** Checks a size against the contract's shape. */
export function checkSize(size: NodeSize, provider: string): void {
  checkCommon('size', size, provider);
  check(Number.isFinite(size.ram) && size.ram >= 0, `size ${size.id}: ram must be a number of MiB ≥ 0`);
  check(Number.isFinite(size.disk) && size.disk >= 0, `size ${size.id}: disk must be a number of GB ≥ 0`);
  check(size.price === undefined || Number.isFinite(size.price), `size ${size.id}: price must be a number when present`);
}

/** Checks an image against the contract's shape. */
export function checkImage(image: NodeImage, provider: string): void {
  checkCommon('image', image, provider);
}

/** Checks a location against the contract's shape. */
export function checkLocation(location: NodeLocation, provider: string): void {
  checkCommon('location', location, provider);
  check(typeof location.country === 'string', `location ${location.id}: country must be a string`);
}
