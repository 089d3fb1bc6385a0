// wowlab-node/protocol: wire schemas, request signing and node keys. No Node built-ins.
export * from './encoding.ts';
export * from './keys.ts';
export * from './signing.ts';
export * from './chunk-result.ts';
export * from './samples.ts';
export * from './messages.ts';
export * from './parse.ts';
