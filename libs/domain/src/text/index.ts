// Text rules every stored or sent text follows: which characters are allowed, how length is counted.
export * from './characters';
export * from './localised-text';
export * from './messages';
