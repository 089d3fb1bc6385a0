/**
 * Iterations per chunk of a job: create_job splits jobs so, the cost model prices a chunk so, and
 * the health calibration runs once per block of this many iterations (health.ts), so a job's
 * chunks each calibrate once.
 */
export const JOB_CHUNK_ITERATIONS = 1000;
