// Time: an injectable clock, the protocol's deadlines as elapsed hours, and how instants are shown.
export * from './clock';
export * from './deadlines';
export * from './display';
export * from './notification-clock';
