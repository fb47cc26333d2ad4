// Every Jest project loads this file (setupFilesAfterEnv in jest.preset.cjs) and reads its timeout from its own
// `globals`: see the measurements in jest.preset.cjs for why the timeout is set here and not as `testTimeout`.
const ms = globalThis.BABYCONNECT_TEST_TIMEOUT_MS;
if (!Number.isInteger(ms) || ms <= 0) {
  throw new Error('jest.preset.cjs: globals.BABYCONNECT_TEST_TIMEOUT_MS must be a positive whole number of ms');
}
// Also the default of beforeAll/afterAll hooks; a test or hook with its own third argument keeps that.
jest.setTimeout(ms);
