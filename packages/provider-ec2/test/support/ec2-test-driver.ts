import { fileURLToPath } from 'node:url';
import { queryActionRoute, useRecordedHttp, type RecordedHttp } from '@multicloud/fixture-server';
import { createEc2Compute, type Ec2ComputeDriver, type Ec2ComputeSettings } from '../../src/index.js';

/** The credentials of every EC2 test: AWS's documented example keys, never real ones. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' } as const;

/** An instance id the recorded EC2 answers "no such instance" for. */
export const MISSING_INSTANCE_ID = 'i-00000000';

/** DescribeInstances of an id that does not exist: EC2 answers with an empty reservation set. */
const NO_INSTANCES = '<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><reservationSet/></DescribeInstancesResponse>';

/** Recorded HTTP plus a factory for EC2 drivers wired to it. */
export interface RecordedEc2 extends RecordedHttp {
  /** An EC2 driver on the recorded HTTP, in us-east-1, without retries (tests see the first answer). */
  driver(settings?: Ec2ComputeSettings): Ec2ComputeDriver;
}

/** Recorded-HTTP wiring for EC2 tests, answering from Libcloud's EC2 fixtures when recording. */
export function useRecordedEc2(): RecordedEc2 {
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), 'compute/fixtures/ec2', (overrides) =>
    queryActionRoute({
      DescribeInstances: (request) => (request.params.get('InstanceId.1') === MISSING_INSTANCE_ID ? { body: NO_INSTANCES } : { file: 'describe_instances.xml' }),
      ...overrides,
    }));
  return {
    ...http,
    driver: (settings: Ec2ComputeSettings = {}) =>
      createEc2Compute({ ...TEST_CREDENTIALS, region: 'us-east-1', retry: false, dispatcher: http.dispatcher(), ...settings }),
  };
}
