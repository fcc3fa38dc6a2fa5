import { fileURLToPath } from 'node:url';
import { queryActionRoute, useRecordedHttp, type RecordedHttp } from '@multicloud/fixture-server';
import { createElb, type ElbDriver, type ElbSettings } from '../../src/index.js';
import { TEST_CREDENTIALS } from './ec2-test-driver.js';

/** A balancer name ELB answers `LoadBalancerNotFound` for. */
export const MISSING_BALANCER = 'missing-balancer';

const elbNamespace = 'xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/"';
/** An answer in ELB's documented format for actions Libcloud has no file for. */
const emptyAnswer = (action: string) => ({
  body: `<${action}Response ${elbNamespace}><${action}Result/><ResponseMetadata><RequestId>83c88b9d-12b7-11e3-8b82-87b12EXAMPLE</RequestId></ResponseMetadata></${action}Response>`,
});
const NOT_FOUND = `<ErrorResponse ${elbNamespace}><Error><Type>Sender</Type><Code>LoadBalancerNotFound</Code><Message>There is no ACTIVE Load Balancer named '${MISSING_BALANCER}'</Message></Error><RequestId>a3b2-1234</RequestId></ErrorResponse>`;

/** Recorded HTTP plus a factory for ELB drivers wired to it. */
export interface RecordedElb extends RecordedHttp {
  /** An ELB driver on the recorded HTTP, in us-east-1, without retries. */
  driver(settings?: ElbSettings): ElbDriver;
}

/** Recorded-HTTP wiring for ELB tests, answering from Libcloud's ELB fixtures when recording. */
export function useRecordedElb(): RecordedElb {
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), 'loadbalancer/fixtures/elb', (overrides) =>
    queryActionRoute({
      DescribeLoadBalancers: (request) =>
        request.params.get('LoadBalancerNames.member.1') === MISSING_BALANCER ? { status: 400, body: NOT_FOUND } : { file: 'describe_load_balancers.xml' },
      RegisterInstancesWithLoadBalancer: emptyAnswer('RegisterInstancesWithLoadBalancer'),
      DeleteLoadBalancer: emptyAnswer('DeleteLoadBalancer'),
      ConfigureHealthCheck: emptyAnswer('ConfigureHealthCheck'),
      CreateLoadBalancerListeners: emptyAnswer('CreateLoadBalancerListeners'),
      DeleteLoadBalancerListeners: emptyAnswer('DeleteLoadBalancerListeners'),
      ...overrides,
    }));
  return {
    ...http,
    driver: (settings: ElbSettings = {}) => createElb({ ...TEST_CREDENTIALS, region: 'us-east-1', retry: false, dispatcher: http.dispatcher(), ...settings }),
  };
}
