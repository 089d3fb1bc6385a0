/** When and what the player decides: runs the compiled rotation whenever the player is free. */
import { APL_IDLE, APL_WAIT } from '../apl/context.ts';
import { EV_CAST_END, EV_CHANNEL_TICK, IDLE_POLL_MS, PRIO_DEFAULT } from './events.ts';
import type { Sim } from './sim.ts';

/** Most actions (off-GCD ones) executed in one decision before the player waits. */
const MAX_ACTIONS_PER_DECISION = 8;

/** The player is free: ask the rotation, execute, and schedule the next decision. */
export function decide(sim: Sim): void {
  const free = Math.max(sim.gcdEnd, sim.busyUntil);
  if (sim.now < free) {
    sim.scheduleReady(free);
    return;
  }
  const rotation = sim.rotation;
  for (let i = 0; i < MAX_ACTIONS_PER_DECISION; i++) {
    const r = rotation.decide(sim.state);
    if (r >= 0) {
      // the rotation returns only an action ready on its target (CompiledRotation.decide)
      if (!startAction(sim, r, rotation.target, true)) break;
      const busy = Math.max(sim.gcdEnd, sim.busyUntil);
      if (busy > sim.now) {
        // SimC player_t::schedule_ready: after a channel channel_lag, after a GCD action queue_lag
        const t = sim.timing;
        const lag = sim.baseChannelMs[r]! > 0 ? sim.lagMs(t.channelLagMs) : sim.lagMs(t.queueLagMs);
        sim.lagUntil = busy + lag;
        sim.scheduleReady(busy + lag);
        return;
      }
    } else if (r === APL_WAIT) {
      sim.scheduleReady(sim.now + Math.max(1, Math.round(rotation.waitSeconds * 1000)));
      return;
    } else if (r === APL_IDLE) break;
  }
  sim.scheduleReady(nextWake(sim));
}

/**
 * Idle: wake when a cooldown, the focus or the execute range for an action comes. When some action is
 * usable now but the rotation's conditions held it back, also poll every IDLE_POLL_MS (the
 * conditions may depend on focus or time).
 */
export function nextWake(sim: Sim): number {
  const now = sim.now;
  const focus = sim.focus();
  const rate = sim.focusRate;
  const known = sim.knownActions;
  const cds = sim.cds;
  const next = cds.next;
  const executePct = sim.executePct;
  let t = Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < known.length; i++) {
    const a = known[i]!;
    // A charge is available now, or comes back at next[a] (no sync needed to know when).
    let ready = cds.waiting(a, now) ? next[a]! : now;
    // The rules below only make `ready` later: once it is at t or after (so after now), the action
    // can neither block nor come first
    if (ready >= t) continue;
    // Only actions with an execute range (executePct > 0, hence executeFrom > 0) have a range rule;
    // one usable now by its own health rule (Deathblow's Kill Shot) does not wait for it.
    const pct = executePct[a]!;
    if (pct > 0 && !(sim.healthRule !== null && sim.healthRule.usable(a, 0))) {
      if (sim.executeFrom[a]! > ready) ready = sim.executeFrom[a]!;
      // health from damage: the execute range comes when the damage does; look again soon
      if (sim.dynamicNow && sim.health.atLeast(0, now, pct)) ready = Math.max(ready, now + IDLE_POLL_MS);
    }
    const missing = sim.cost(a) - focus;
    if (missing > 0)
      ready = rate > 0 ? Math.max(ready, now + Math.ceil(missing / rate)) : Number.MAX_SAFE_INTEGER;
    // Usable now but held back by the conditions: wake at the latest at the next poll (taken into
    // t at once, so that the actions after it that come later are skipped above)
    if (ready <= now) {
      if (now + IDLE_POLL_MS < t) t = now + IDLE_POLL_MS;
    } else if (ready < t) t = ready;
  }
  return Math.min(t, sim.endMs + 1);
}

/**
 * SimulationCraft's pull (`player_t::combat_begin`): the first harmful spell of actions.precombat
 * that is ready (CompiledRotation.precombatCast found it so) executes at once, its cast time
 * skipped and no global cooldown started (it calls `action_t::execute`, which pays the cost and
 * starts the cooldown): a cast begun and finished at the same instant (Sim.finishCast), its shot
 * flying as a cast's does. MM's precombat Aimed Shot leaves at 0 s and the default list starts at
 * 0 s too. A channel is not precast.
 */
export function precast(sim: Sim, a: number, target: number): void {
  if (sim.baseChannelMs[a]! > 0) return;
  if (sim.castMs(a) > 0) sim.logic.castStarted(a); // as begun: what a finished cast does (Lock and Load kept)
  sim.castCost = sim.cost(a);
  sim.travelOn = 1;
  sim.finishCast(a, target);
  sim.travelOn = 0;
}

/**
 * Begins an action decided by the rotation; returns false when it cannot be used. `ready`: the
 * caller has just found it ready on `target` (Sim.actionReady), with nothing changed since.
 */
export function startAction(sim: Sim, a: number, target: number, ready = false): boolean {
  if (!ready && !sim.actionReady(a, target)) return false;
  const cast = sim.castMs(a);
  if (cast === 0) {
    sim.spendFocus(sim.cost(a));
    sim.cds.use(a, sim.now);
  } else sim.castCost = sim.cost(a); // paid with the cooldown when the cast finishes (Sim.finishCast)
  if (sim.onGcd[a] === 1) {
    sim.gcdEnd = sim.now + sim.gcdMsFor(a);
    const prev = sim.prevGcd;
    prev[3] = prev[2]!;
    prev[2] = prev[1]!;
    prev[1] = prev[0]!;
    prev[0] = a;
  }
  if (cast > 0) {
    sim.busyUntil = sim.now + cast;
    sim.channelAction = a;
    sim.logic.castStarted(a);
    sim.q.push(sim.busyUntil, PRIO_DEFAULT, EV_CAST_END, a, target);
  } else if (sim.baseChannelMs[a]! > 0) {
    const dur = Math.round((sim.logic.channelMs?.(a) ?? sim.baseChannelMs[a]!) / sim.haste);
    sim.busyUntil = sim.now + dur;
    sim.channelAction = a;
    sim.channelTarget = target;
    sim.countCast(a);
    // SimC's channels here tick at once and then every tick time, the last at the channel's end:
    // a duration of (ticks − 1) tick times
    const n = sim.logic.channelTicks?.(a) ?? sim.actions[a]!.channelTicks;
    const gaps = n > 1 ? n - 1 : 1;
    for (let i = 0; i < n; i++) {
      sim.q.push(sim.now + Math.round((i * dur) / gaps), PRIO_DEFAULT, EV_CHANNEL_TICK, a, i);
    }
  } else {
    sim.countCast(a);
    sim.execute(a, target);
  }
  return true;
}
