/** Engine constants: limits, GCD, event types and same-millisecond priorities. */
export const MAX_TARGETS = 20;
export const MAX_PETS = 17;
export const GCD_BASE_MS = 1500;
export const GCD_MIN_MS = 750;
/**
 * The shortest time between Auto Shots before haste (NOT SPELL DATA: a guard). Talents change the
 * interval by whole seconds (MM Precise Shots +2 s, In the Rhythm −1 s), so a fast weapon in the
 * config (1 s is allowed) would otherwise fire every 0 ms and never let time pass.
 */
export const MIN_AUTO_SHOT_MS = 500;
/** Re-decision interval while an action is usable but the rotation holds it back. */
export const IDLE_POLL_MS = 250;
/** A buff duration longer than any fight (COST_LIMITS caps fights far below a day). */
export const FOREVER_MS = 86_400_000;

export const EV_END = 0;
export const EV_READY = 1;
export const EV_CAST_END = 2;
export const EV_CHANNEL_TICK = 3;
export const EV_AUTO_SHOT = 4;
export const EV_PET_SWING = 5;
export const EV_DOT_TICK = 6;
export const EV_BUFF_EXPIRE = 7;
export const EV_PET_EXPIRE = 8;
export const EV_SPEC = 9;
/** A shot in flight lands (engine, not spec: handled before the spec events). */
export const EV_LAND = 100;
/** A wave of adds spawns (a = 1) or dies (a = 0). */
export const EV_ADDS = 101;
/** An item effect's timed event (a = its kind: engine/item-effects.ts). */
export const EV_ITEM = 102;

/** Same-millisecond order: damage and expiries first, the player's decision after, the end last. */
export const PRIO_DEFAULT = 4;
export const PRIO_READY = 10;
export const PRIO_END = 15;
