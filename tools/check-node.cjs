// Stops a script with one clear line when it runs on an unsupported Node.js.
// npm puts node_modules/.bin first on PATH, so after `npm install` the pinned `node`
// devDependency (Node 24) runs every script even on a machine whose own Node is older.
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major === 24 && minor >= 15;
if (!supported) {
  if (process.argv.includes('--install')) {
    // During `npm install` the project's own Node 24 is not installed yet; npm itself may run on an older Node.
    process.exit(0);
  }
  console.error(
    `Node.js ${process.versions.node} is not supported: this project needs Node.js 24 LTS (>=24.15). ` +
      'Run `npm install` (it installs Node 24 into node_modules) and start scripts through npm, or use `nvm use` (.nvmrc).',
  );
  process.exit(1);
}
