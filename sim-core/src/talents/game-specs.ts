/**
 * Every class specialization id of the game (ChrSpecialization ids, as in SimulationCraft's
 * engine/dbc/generated/specialization.hpp; the same ids appear in the id_spec columns of
 * trait_data.inc, build 11.2.5.63796), so that a talent string of another class or spec is
 * refused by name: "This talent string is for a Frost Mage, not a hunter".
 */
export const GAME_SPECS: Readonly<Record<number, { spec: string; className: string }>> = {
  71: { spec: 'Arms', className: 'Warrior' },
  72: { spec: 'Fury', className: 'Warrior' },
  73: { spec: 'Protection', className: 'Warrior' },
  65: { spec: 'Holy', className: 'Paladin' },
  66: { spec: 'Protection', className: 'Paladin' },
  70: { spec: 'Retribution', className: 'Paladin' },
  253: { spec: 'Beast Mastery', className: 'Hunter' },
  254: { spec: 'Marksmanship', className: 'Hunter' },
  255: { spec: 'Survival', className: 'Hunter' },
  259: { spec: 'Assassination', className: 'Rogue' },
  260: { spec: 'Outlaw', className: 'Rogue' },
  261: { spec: 'Subtlety', className: 'Rogue' },
  256: { spec: 'Discipline', className: 'Priest' },
  257: { spec: 'Holy', className: 'Priest' },
  258: { spec: 'Shadow', className: 'Priest' },
  250: { spec: 'Blood', className: 'Death Knight' },
  251: { spec: 'Frost', className: 'Death Knight' },
  252: { spec: 'Unholy', className: 'Death Knight' },
  262: { spec: 'Elemental', className: 'Shaman' },
  263: { spec: 'Enhancement', className: 'Shaman' },
  264: { spec: 'Restoration', className: 'Shaman' },
  62: { spec: 'Arcane', className: 'Mage' },
  63: { spec: 'Fire', className: 'Mage' },
  64: { spec: 'Frost', className: 'Mage' },
  265: { spec: 'Affliction', className: 'Warlock' },
  266: { spec: 'Demonology', className: 'Warlock' },
  267: { spec: 'Destruction', className: 'Warlock' },
  268: { spec: 'Brewmaster', className: 'Monk' },
  269: { spec: 'Windwalker', className: 'Monk' },
  270: { spec: 'Mistweaver', className: 'Monk' },
  102: { spec: 'Balance', className: 'Druid' },
  103: { spec: 'Feral', className: 'Druid' },
  104: { spec: 'Guardian', className: 'Druid' },
  105: { spec: 'Restoration', className: 'Druid' },
  577: { spec: 'Havoc', className: 'Demon Hunter' },
  581: { spec: 'Vengeance', className: 'Demon Hunter' },
  1467: { spec: 'Devastation', className: 'Evoker' },
  1468: { spec: 'Preservation', className: 'Evoker' },
  1473: { spec: 'Augmentation', className: 'Evoker' },
};

/** "a Frost Mage", "an Arms Warrior", or "spec 1234" for an id the game does not have. */
export function gameSpecName(specId: number): string {
  const s = GAME_SPECS[specId];
  if (!s) return `an unknown spec (id ${specId})`;
  const name = `${s.spec} ${s.className}`;
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}
