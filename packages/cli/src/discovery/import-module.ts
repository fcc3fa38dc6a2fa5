import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for paths. */
export function packageNameOf(specifier: string): string | undefined {
  if (isPathSpecifier(specifier)) return undefined;
  const segments = specifier.split('/');
  return specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
}

/** Whether `specifier` is a file path (relative, absolute or a `file:` URL) rather than a package name. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || isAbsolute(specifier) || specifier.startsWith('file:');
}

/**
 * Whether `error` says that `specifier` itself is not installed (as opposed to a module that is there but broken,
 * or that misses one of its own dependencies).
 */
export function isNotInstalled(error: unknown, specifier: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof message !== 'string') return false;
  const name = packageNameOf(specifier) ?? specifier;
  if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return message.includes(name);
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return message.includes(`'${name}'`) || message.includes(`'${specifier}'`);
}

/**
 * Imports `specifier`: a path relative to `cwd`, or a package found beside the CLI (a global install of both, or
 * the CLI's dependencies) and else in the project at `cwd`.
 * @returns false when it is not installed; throws what a broken module throws
 */
export async function importModule(specifier: string, cwd: string): Promise<boolean> {
  if (isPathSpecifier(specifier)) {
    const url = specifier.startsWith('file:') ? new URL(specifier) : pathToFileURL(resolve(cwd, specifier));
    if (!existsSync(url)) return false;
    await import(url.href);
    return true;
  }
  try {
    await import(specifier);
    return true;
  } catch (error) {
    if (!isNotInstalled(error, specifier)) throw error;
  }
  let resolved: string;
  try {
    resolved = createRequire(join(cwd, 'multicloud-cli-resolve.js')).resolve(specifier);
  } catch (error) {
    if (isNotInstalled(error, specifier)) return false;
    throw error;
  }
  await import(pathToFileURL(resolved).href);
  return true;
}
