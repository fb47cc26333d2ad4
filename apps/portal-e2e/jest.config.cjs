module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'portal-e2e',
  rootDir: __dirname,
  testTimeout: 60000,
};
