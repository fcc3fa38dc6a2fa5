// A third-party provider as the CLI would find it through --require or MULTICLOUD_PROVIDERS: a module that
// registers a compute factory with the default registry of @multicloud/core. Plain JavaScript, so the built
// binary (plain node) can load it as well as the TypeScript sources run through tsx.
import { registerProvider, stampProvider } from '@multicloud/core';

const node = (id, name) => stampProvider({ id, name, state: 'running', publicIps: ['203.0.113.7'], privateIps: [], provider: 'acme', extra: { region: 'anvil-1' } }, 'acme');

function createAcmeCompute(settings = {}) {
  return {
    provider: 'acme',
    features: { volumes: false, keyPairs: false, startStop: false, createNodeAuth: [] },
    async listNodes() {
      return [node('acme-1', `roadrunner-${settings.region ?? 'nowhere'}`), node('acme-2', String(settings.flavour ?? 'plain'))];
    },
  };
}

registerProvider({ id: 'acme', name: 'ACME Cloud', contractVersion: '1.0.0', compute: createAcmeCompute }, { replace: true });
