/** Test-only fixture server for recording provider tests against real provider response data. */
export { startFixtureServer, type FixtureAnswer, type FixtureRequest, type FixtureRoute, type FixtureServer } from './fixture-server.js';
export { libcloudFixtures, queryActionRoute, snakeCase } from './libcloud-fixtures.js';
export { useRecordedHttp, type Overrides, type RecordedHttp, type SentRequest } from './recorded-http.js';
export { describeLive, detectLiveSwift, liveSwift, probeLiveSwift, SWIFT_AIO_DEFAULT_PORT, SWIFT_NOT_RUNNING, type LiveS3Credentials, type LiveSwift, type LiveSwiftIdentity, type LiveSwiftProbe, type LiveSwiftV1Credentials } from './live-swift.js';
export { inTurn, restRoute, type RestEndpoint } from './rest-route.js';
