// Version of this package, reported to the sentinel on register (kept equal to package.json by a test).
export const NODE_VERSION = '0.1.0';
