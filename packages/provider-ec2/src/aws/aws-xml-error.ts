import type { ErrorResponse, ParsedErrorBody } from '@multicloud/core';

const tag = (body: string, name: string) => {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(body);
  return match?.[1]?.trim() || undefined;
};

/**
 * Reads an AWS XML error body: EC2's `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>`,
 * the Query APIs' `<ErrorResponse><Error><Code/><Message/></Error><RequestId/>` and S3's `<Error><Code/>…`.
 * A regular expression rather than a parser: error bodies are tiny, and a half-broken one still yields its code.
 */
export function parseAwsXmlError(response: ErrorResponse): ParsedErrorBody {
  const body = response.body;
  return { code: tag(body, 'Code'), message: tag(body, 'Message'), requestId: tag(body, 'RequestID') ?? tag(body, 'RequestId') };
}
