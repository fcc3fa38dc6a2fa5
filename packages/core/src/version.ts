import packageJson from '../package.json' with { type: 'json' };

/** The version of `@multicloud/core`, sent in the User-Agent. */
export const VERSION: string = packageJson.version;
