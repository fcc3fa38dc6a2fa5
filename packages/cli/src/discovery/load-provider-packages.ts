import { listProviders, type ApiName } from '@multicloud/core';
import { importModule, isPathSpecifier, packageNameOf } from './import-module.js';
import { KNOWN_PROVIDER_PACKAGES, PROVIDERS_VARIABLE } from './known-provider-packages.js';

/** Where the CLI heard of a provider module. */
export type ProviderPackageSource = 'known' | 'environment' | 'flag';

/** What became of one provider module the CLI tried to load. */
export interface ProviderPackageLoad {
  /** The module as named: a package (`@acme/multicloud-foo`), its entry, or a path. */
  readonly specifier: string;
  /** The first-party list, the `MULTICLOUD_PROVIDERS` variable, or a `--require` flag. */
  readonly source: ProviderPackageSource;
  /** `loaded`; `missing` when not installed; `failed` when it threw while loading. */
  readonly status: 'loaded' | 'missing' | 'failed';
  /** The providers it registered, as `{ api, id }`. */
  readonly registered: readonly { readonly api: ApiName; readonly id: string }[];
  /** Why it failed, when it did. */
  readonly error?: string | undefined;
}

/** Options of {@link loadProviderPackages}. */
export interface LoadProviderPackagesOptions {
  /** More modules to load (`--require`), after the known ones and those of the environment. */
  readonly required?: readonly string[] | undefined;
  /** The directory paths and project packages are resolved against; default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** Where `MULTICLOUD_PROVIDERS` is read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** The first-party packages to look for; default {@link KNOWN_PROVIDER_PACKAGES}. */
  readonly known?: readonly string[] | undefined;
}

function registrations(): Set<string> {
  return new Set(listProviders().flatMap((info) => info.apis.map((api) => `${api}:${info.id}`)));
}

/** A package name alone means its `register` entry (the convention of provider packages), else the module itself. */
function candidates(specifier: string): string[] {
  return !isPathSpecifier(specifier) && packageNameOf(specifier) === specifier ? [`${specifier}/register`, specifier] : [specifier];
}

async function loadOne(specifier: string, source: ProviderPackageSource, cwd: string): Promise<ProviderPackageLoad> {
  const before = registrations();
  try {
    let found = false;
    for (const candidate of candidates(specifier)) if (!found) found = await importModule(candidate, cwd);
    const registered = [...registrations()].filter((key) => !before.has(key)).map((key) => {
      const [api, id] = key.split(':') as [ApiName, string];
      return { api, id };
    });
    return { specifier, source, status: found ? 'loaded' : 'missing', registered };
  } catch (error) {
    return { specifier, source, status: 'failed', registered: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Imports the installed provider packages, which register themselves with the default registry of
 * `@multicloud/core`: the first-party ones (skipped when not installed), then the modules named by
 * `MULTICLOUD_PROVIDERS` (comma or space separated), then `required`. One at a time, so each load knows what it registered.
 */
export async function loadProviderPackages(options: LoadProviderPackagesOptions = {}): Promise<ProviderPackageLoad[]> {
  const cwd = options.cwd ?? process.cwd();
  const fromEnvironment = (options.env ?? process.env)[PROVIDERS_VARIABLE]?.split(/[\s,]+/).filter(Boolean) ?? [];
  const plan: [string, ProviderPackageSource][] = [
    ...(options.known ?? KNOWN_PROVIDER_PACKAGES).map((name): [string, ProviderPackageSource] => [name, 'known']),
    ...fromEnvironment.map((name): [string, ProviderPackageSource] => [name, 'environment']),
    ...(options.required ?? []).map((name): [string, ProviderPackageSource] => [name, 'flag']),
  ];
  const loads: ProviderPackageLoad[] = [];
  for (const [specifier, source] of plan) loads.push(await loadOne(specifier, source, cwd));
  return loads;
}
