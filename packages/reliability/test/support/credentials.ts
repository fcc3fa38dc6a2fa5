/**
 * Distinctive fake credentials, one set per provider, used by the fault and secrets tests. None is real; each
 * is long and unusual enough that finding it anywhere (a log event, an error, a recording) can only be a leak.
 */
export const FAKE = {
  aws: { accessKeyId: 'AKIDRELIABILITY00042', secretAccessKey: 'Rel1abil1ty/Secret+AWS/0000000000000000042' },
  rackspace: { username: 'reliability-user', apiKey: 'rel-rackspace-apikey-7f3e91d0' },
  openstack: { username: 'reliability-user', password: 'rel-openstack-password-2b8c44aa' },
  gogrid: { apiKey: 'rel-gogrid-apikey-51d0e6', sharedSecret: 'rel-gogrid-shared-secret-a9e2f7' },
  cloudsigma: { username: 'reliability@example.com', password: 'rel-cloudsigma-password-c4f1b3' },
  bluebox: { customerId: 'c-rel-0001', apiKey: 'rel-bluebox-apikey-0e77c2' },
} as const;

/** `Basic` header credentials (what goes on the wire for HTTP Basic providers). */
function basic(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
}

/**
 * Every secret value those credentials amount to, as it could leak: the raw secrets and the encoded `Basic`
 * credentials. Access key ids, user names and customer ids are identifiers, not secrets, and are not listed.
 */
export const FAKE_SECRETS: readonly string[] = [
  FAKE.aws.secretAccessKey,
  FAKE.rackspace.apiKey,
  FAKE.openstack.password,
  FAKE.gogrid.sharedSecret,
  FAKE.gogrid.apiKey,
  FAKE.cloudsigma.password,
  FAKE.bluebox.apiKey,
  basic(FAKE.cloudsigma.username, FAKE.cloudsigma.password),
  basic(FAKE.bluebox.customerId, FAKE.bluebox.apiKey),
];

/** Where each secret occurs in `text` (empty when none does), with its URL-encoded form checked too. */
export function findSecrets(text: string, secrets: readonly string[] = FAKE_SECRETS): string[] {
  return secrets.filter((secret) => text.includes(secret) || text.includes(encodeURIComponent(secret)));
}
