import { describeConformance } from '@multicloud/core/testing';
import { storageConformanceChecks } from '@multicloud/storage/testing';
import { useLiveSwiftRecording } from './support/cloudfiles-live-recording.js';

/**
 * The storage conformance kit replayed from a run against the real OpenStack Swift (the local all-in-one), so the
 * kit also runs where no Swift is (CI, laptops). `swift-live.test.ts` runs it live, with fresh names, when Swift is up.
 */
const CONTAINER = 'multicloud-conformance-recorded';
const recorded = useLiveSwiftRecording([CONTAINER]);

describeConformance('openstack-swift storage (recorded from the local Swift)', storageConformanceChecks({
  provider: 'openstack-swift',
  createDriver: () => recorded.driver(),
  containerName: CONTAINER,
  objectName: 'dir/hello wörld ✓.txt',
}));
