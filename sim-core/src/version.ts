/** Version of the simulation engine; a config runs only on the engine version it names. */
export const ENGINE_VERSION = '0.1.0';
