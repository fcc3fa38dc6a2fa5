// A provider module that fails while loading, as a half-installed package would.
throw new Error('acme-broken: the anvil fell on the registry');
