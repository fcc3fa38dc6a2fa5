import { ValidationError } from '../errors/errors.js';

/** Where a model remembers which provider made it: a registered symbol, non-enumerable, so JSON stays clean. */
const MODEL_PROVIDER = Symbol.for('@multicloud/core/model-provider');

/**
 * Marks a model (node, size, image, location, …) as made by `provider` and freezes it. Drivers call this on every
 * model they return, so they can later refuse a model that came from another cloud.
 */
export function stampProvider<T extends object>(model: T, provider: string): T {
  Object.defineProperty(model, MODEL_PROVIDER, { value: provider, enumerable: false });
  return Object.freeze(model);
}

/** The provider that made `model`, or undefined for a model the caller built by hand. */
export function providerOf(model: object): string | undefined {
  return (model as { [MODEL_PROVIDER]?: string })[MODEL_PROVIDER];
}

/**
 * Checks that an argument is a model of this provider (or hand-made), before any request.
 * @param argument - the argument's name for the error, e.g. `options.size`
 * @throws ValidationError when the model is missing, lacks an id (or, for storage models, a name), or was made by another provider
 */
export function assertOwnModel(argument: string, model: { readonly id?: unknown; readonly name?: unknown } | undefined, provider: string): void {
  if (model === undefined || model === null || typeof model !== 'object') throw new ValidationError(argument, 'is required');
  // Compute and lb models are identified by `id`; storage models (containers, objects) by `name`.
  const identity = 'id' in model ? model.id : model.name;
  if (typeof identity !== 'string' || identity === '') throw new ValidationError(argument, `must have a non-empty string ${'id' in model ? 'id' : 'name'}`);
  const owner = providerOf(model);
  if (owner !== undefined && owner !== provider) {
    throw new ValidationError(argument, `comes from provider "${owner}", not "${provider}"; list it with this driver`);
  }
}

/**
 * Checks a required, non-blank string argument.
 * @throws ValidationError naming the argument
 */
export function assertNonEmptyString(argument: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(argument, 'must be a non-empty string');
}
