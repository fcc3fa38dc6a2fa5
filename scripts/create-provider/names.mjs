// Provider names: the registry id the user gives, and the spellings the template needs.

const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The names of a provider from its registry id (`acme`, `my-cloud`).
 * @param {string} id - registry id: lower-case letters, digits and single dashes, starting with a letter
 * @param {{ displayName?: string, packageName?: string }} [options]
 * @returns {{ id: string, Name: string, camel: string, CONST: string, displayName: string, packageName: string }}
 */
export function providerNames(id, options = {}) {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new Error(`provider name "${id}" must be a registry id: lower-case letters, digits and single dashes, starting with a letter (e.g. acme, my-cloud)`);
  }
  const words = id.split('-');
  const Name = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  const displayName = options.displayName ?? words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
  const packageName = options.packageName ?? `multicloud-provider-${id}`;
  if (!/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/.test(packageName)) throw new Error(`package name "${packageName}" is not a valid npm package name`);
  if (/['`\\{}]/.test(displayName)) throw new Error(`display name "${displayName}" must not contain quotes, backslashes or braces`);
  return { id, Name, camel: Name[0].toLowerCase() + Name.slice(1), CONST: id.toUpperCase().replace(/-/g, '_'), displayName, packageName };
}
