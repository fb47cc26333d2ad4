// Public API of @babyconnect/domain: plain TypeScript rules, no framework, no I/O. One folder ("room") per part of
// the domain: identity/, text/, time/, breach/ and chain/ (incidents across organisations).
export * from './identity/index';
export * from './text/index';
export * from './time/index';
export * from './breach/index';
export * from './chain/index';
export * from './register/index';
