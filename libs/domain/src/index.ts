// Public API of @babyconnect/domain: plain TypeScript rules, no framework, no I/O. One folder ("room") per part of
// the domain: identity/, text/, time/, breach/, chain/ (incidents across organisations) and viewer-log/ (the viewer's access log).
export * from './identity/index';
export * from './text/index';
export * from './time/index';
export * from './breach/index';
export * from './chain/index';
export * from './register/index';
export * from './viewer-log/index';
