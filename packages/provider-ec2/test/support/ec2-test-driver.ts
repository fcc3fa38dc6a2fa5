import { queryActionRoute } from '@multicloud/fixture-server';
import { createEc2Compute, type Ec2ComputeSettings } from '../../src/index.js';
import { useRecordedHttp } from './recorded-session.js';

/** The credentials of every EC2 test: AWS's documented example keys, never real ones. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' } as const;

/** An instance id the recorded EC2 answers "no such instance" for. */
export const MISSING_INSTANCE_ID = 'i-00000000';

/** DescribeInstances of an id that does not exist: EC2 answers with an empty reservation set. */
const NO_INSTANCES = '<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><reservationSet/></DescribeInstancesResponse>';

/** Recorded-HTTP wiring for EC2 tests, answering from Libcloud's EC2 fixtures when recording. */
export function useRecordedEc2() {
  const http = useRecordedHttp('compute/fixtures/ec2', (overrides) =>
    queryActionRoute({
      DescribeInstances: (request) => (request.params.get('InstanceId.1') === MISSING_INSTANCE_ID ? { body: NO_INSTANCES } : { file: 'describe_instances.xml' }),
      ...overrides,
    }));
  return {
    ...http,
    /** An EC2 driver on the recorded HTTP, in us-east-1, without retries (tests see the first answer). */
    driver: (settings: Ec2ComputeSettings = {}) =>
      createEc2Compute({ ...TEST_CREDENTIALS, region: 'us-east-1', retry: false, dispatcher: http.dispatcher(), ...settings }),
  };
}
