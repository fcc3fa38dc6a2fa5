/**
 * The SigV4 credential scope, `<date>/<region>/<service>/aws4_request`: what a signing key is valid for.
 *
 * @param dateStamp - `YYYYMMDD` in UTC.
 *
 * @example
 * ```ts
 * credentialScope('20150830', 'us-east-1', 'iam'); // '20150830/us-east-1/iam/aws4_request'
 * ```
 */
export function credentialScope(dateStamp: string, region: string, service: string): string {
  return `${dateStamp}/${region}/${service}/aws4_request`;
}
