import type { FixtureAnswer, FixtureRequest, FixtureRoute } from './fixture-server.js';
import type { Overrides } from './recorded-http.js';

/** How a REST endpoint of a recorded cloud answers when recording. */
export interface RestEndpoint {
  /** HTTP method, or several separated by `|`. */
  readonly method: string;
  /** Path pattern (the path without the query). */
  readonly path: RegExp;
  /** The default answer, or one computed from the request. */
  readonly answer: FixtureAnswer | ((request: FixtureRequest) => FixtureAnswer | undefined);
}

/**
 * A fixture route for a REST API: the first endpoint whose method and path match answers, with the current
 * test's override for that endpoint's name taking precedence. Unknown requests get no fixture (HTTP 501).
 */
export function restRoute(endpoints: Readonly<Record<string, RestEndpoint>>, overrides: Overrides): FixtureRoute {
  return (request) => {
    for (const [name, endpoint] of Object.entries(endpoints)) {
      if (!endpoint.method.split('|').includes(request.method) || !endpoint.path.test(request.path)) continue;
      const chosen = overrides[name] ?? endpoint.answer;
      return typeof chosen === 'function' ? chosen(request) : chosen;
    }
    return undefined;
  };
}

/** A function answer that gives `answers` one after the other (the last one repeats), for polled endpoints. */
export function inTurn(...answers: FixtureAnswer[]): (request: FixtureRequest) => FixtureAnswer | undefined {
  let next = 0;
  return () => answers[Math.min(next++, answers.length - 1)];
}
