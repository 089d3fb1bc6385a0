/**
 * The damage sources that are a pet's or a guardian's, not the player's, per damage source key
 * (like projectiles.ts: a fact about the specs' sources kept beside them). The player's own
 * effects read it: Command multiplies these (SimulationCraft's composite_player_pet_damage_multiplier),
 * Entropic Embrace multiplies the others, and the player's on-hit procs (Touch of the Grave,
 * Entropic Embrace, Embrace of Pa'ku) trigger from the others only, as SimulationCraft's pets are
 * actors of their own whose hits do not trigger the owner's proc callbacks.
 */
export const PET_SOURCES: ReadonlySet<string> = new Set([
  // Beast Mastery's main pet (and Animal Companion's second pet)
  'pet_melee',
  'claw',
  'claw_no_mercy',
  'claw_brutal_companion',
  'thundering_hooves',
  'thundering_hooves_cleave',
  'kill_command',
  'beast_cleave',
  'bloodshed',
  'bestial_wrath',
  'animal_companion',
  'stomp',
  'stomp_cleave',
  // guardians: Dire Beast, Call of the Wild, Pack Leader's beasts
  'dire_beast',
  'call_of_the_wild',
  'boar_charge',
  'boar_charge_cleave',
  'bear_melee',
  'rend_flesh',
  'envenomed_fangs', // the bear's (SimC rend_flesh_t::envenomed_fangs_t, a bear attack)
  // Huntmaster's Call: Hati and Fenryr
  'hati',
  'fenryr',
  'ravenous_leap',
  // Wildspeaker: the Dire Beasts', Hati's and Fenryr's Kill Command
  'wildspeaker_kill_command',
  // Dire Cleave: the dire critters' Beast Cleave and Kill Cleave
  'dire_cleave',
  // Dark Ranger's Shadow Hounds: the Dark Hound (a guardian) and its Beast Cleave
  'dark_hound',
  'dark_hound_beast_cleave',
]);
