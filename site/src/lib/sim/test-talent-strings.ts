// Test data only (unit tests and the portal e2e journey); nothing in the app imports it.
/**
 * Real in-game talent strings, the same as sim-core's src/talents/test-strings.ts (which is not
 * part of sim-core's exports), from SimulationCraft's profiles (simulationcraft/simc):
 * profiles/TWW3/TWW3_Hunter_Beast_Mastery.simc (commit 3774fe8339b6), Dark Ranger;
 * profiles/TWW3/TWW3_Hunter_Marksmanship.simc (commit 52d6f46bfcf9), Dark Ranger.
 */
export const REAL_TALENT_STRINGS = {
  bmDarkRanger:
    'C0PAAAAAAAAAAAAAAAAAAAAAAYMbDMgBMbsFyYBAAAAAAzY2GmlZGMjZMzyYmZGMjZyMmxMjZGmZYgxMzAzY2WmhZDAAAAAAmB',
  mmDarkRanger:
    'C4PAAAAAAAAAAAAAAAAAAAAAAYMbDMgJY2YLwsAAAAAAAAAAAAAAzYGzMzMzYGZGjhZGYYWWmZwMzMw2mZmZMLmZYmZmZZzYWGMA',
};
