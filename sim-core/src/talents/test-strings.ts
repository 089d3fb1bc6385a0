// Test data only.
/**
 * Real strings, data from SimulationCraft's profiles (simulationcraft/simc):
 * profiles/TWW3/TWW3_Hunter_Beast_Mastery.simc (commit 3774fe8339b6), Dark Ranger;
 * profiles/TWW3/TWW3_Hunter_Beast_Mastery_Pack_Leader.simc (commit 122731dc358b);
 * profiles/TWW3/TWW3_Hunter_Marksmanship.simc (commit 52d6f46bfcf9), Dark Ranger.
 */
export const REAL = {
  bmDarkRanger:
    'C0PAAAAAAAAAAAAAAAAAAAAAAYMbDMgBMbsFyYBAAAAAAzY2GmlZGMjZMzyYmZGMjZyMmxMjZGmZYgxMzAzY2WmhZDAAAAAAmB',
  bmPackLeader:
    'C0PAAAAAAAAAAAAAAAAAAAAAAAMmxwCsBzohG2AAAAAAwwYMzyMzwMmBLDzMjZmZmJzYGzYmZGzMmhxwYYWGstMD2AAAAAAgZA',
  mmDarkRanger:
    'C4PAAAAAAAAAAAAAAAAAAAAAAYMbDMgJY2YLwsAAAAAAAAAAAAAAzYGzMzMzYGZGjhZGYYWWmZwMzMw2mZmZMLmZYmZmZZzYWGMA',
};
