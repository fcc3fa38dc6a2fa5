import { libcloudFixtures, queryActionRoute, startFixtureServer, type FixtureAnswer, type FixtureRequest, type FixtureServer } from '@multicloud/fixture-server';

/** AWS's documented example keys: the fake credentials of every test. */
export const AWS_TEST_ENV = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' } as const;
/** An access key id the fixture servers refuse with AuthFailure / InvalidClientTokenId. */
export const REFUSED_KEY_ID = 'AKIDREFUSEDEXAMPLE';
/** An instance id EC2 answers "no such instance" for. */
export const MISSING_INSTANCE = 'i-00000000';
/** A balancer name ELB answers LoadBalancerNotFound for. */
export const MISSING_BALANCER = 'missing-balancer';

const refused = (request: FixtureRequest) => String(request.headers.authorization ?? '').includes(`Credential=${REFUSED_KEY_ID}/`);

/** An EC2 error in EC2's documented format. */
const ec2Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>req-${code}</RequestID></Response>`;
const NO_INSTANCES = '<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><reservationSet/></DescribeInstancesResponse>';

/** EC2 answering from Libcloud's EC2 fixture files (by `Action`), refusing {@link REFUSED_KEY_ID}. */
export function startEc2Fixtures(): Promise<FixtureServer> {
  const route = queryActionRoute({
    DescribeInstances: (request) => (request.params.get('InstanceId.1') === MISSING_INSTANCE ? { body: NO_INSTANCES } : { file: 'describe_instances.xml' }),
  });
  return startFixtureServer(libcloudFixtures('compute/fixtures/ec2'), (request) =>
    refused(request) ? { status: 401, body: ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials') } : route(request));
}

const ELB_NAMESPACE = 'xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/"';
/** An answer in ELB's documented format for actions Libcloud has no file for. */
const emptyElbAnswer = (action: string): FixtureAnswer => ({
  body: `<${action}Response ${ELB_NAMESPACE}><${action}Result/><ResponseMetadata><RequestId>83c88b9d-12b7-11e3-8b82-87b12EXAMPLE</RequestId></ResponseMetadata></${action}Response>`,
});
const BALANCER_NOT_FOUND = `<ErrorResponse ${ELB_NAMESPACE}><Error><Type>Sender</Type><Code>LoadBalancerNotFound</Code><Message>There is no ACTIVE Load Balancer named '${MISSING_BALANCER}'</Message></Error><RequestId>a3b2-1234</RequestId></ErrorResponse>`;

/** ELB answering from Libcloud's ELB fixture files, with empty documented answers where Libcloud has none. */
export function startElbFixtures(): Promise<FixtureServer> {
  return startFixtureServer(libcloudFixtures('loadbalancer/fixtures/elb'), queryActionRoute({
    DescribeLoadBalancers: (request) =>
      request.params.get('LoadBalancerNames.member.1') === MISSING_BALANCER ? { status: 400, body: BALANCER_NOT_FOUND } : { file: 'describe_load_balancers.xml' },
    RegisterInstancesWithLoadBalancer: emptyElbAnswer('RegisterInstancesWithLoadBalancer'),
    DeleteLoadBalancer: emptyElbAnswer('DeleteLoadBalancer'),
    ConfigureHealthCheck: emptyElbAnswer('ConfigureHealthCheck'),
  }));
}
