import { describeConformance } from '@multicloud/core/testing';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { useRecordedOcean } from './support/recorded-ocean.js';

// The compute conformance kit, exactly as our own providers run it, on this package's recordings.
const http = useRecordedOcean();

describeConformance('ocean compute', computeConformanceChecks({
  provider: 'ocean',
  createDriver: () => http.driver(),
  missingNodeId: '999999',
}));
