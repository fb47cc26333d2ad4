// All Jest projects of the workspace; `npm test` runs them in one Jest invocation (see tools/test/run-all.ts).
// The portal's own unit tests run on Vitest (Angular's runner) as a separate step.
module.exports = {
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/contracts',
    '<rootDir>/libs/notifications',
    '<rootDir>/apps/api',
    '<rootDir>/tools',
    '<rootDir>/apps/portal-e2e',
  ],
};
