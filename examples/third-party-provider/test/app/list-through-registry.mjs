// A plain Node app, as a user writes one: the provider is found by package name (its `exports` map, built
// dist), registered by importing its `register` entry, and used through the registry of @multicloud/core.
import { getDriver, listProviders } from '@multicloud/core';
import 'multicloud-provider-ocean/register';

const Ocean = getDriver('compute', 'ocean');
const ocean = Ocean({ endpoint: process.env.OCEAN_ENDPOINT, token: process.env.OCEAN_TOKEN });
const nodes = await ocean.listNodes();
console.log(JSON.stringify({ providers: listProviders('compute'), nodes: nodes.map((node) => `${node.name}:${node.state}`) }));
