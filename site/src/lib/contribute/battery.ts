// Auto-pause on a low battery, where the Battery Status API exists (Chromium). The policy is a
// pure function with hysteresis so the pool does not flap around the threshold.

export interface BatteryReading {
  charging: boolean;
  /** 0..1 */
  level: number;
}

/** Pause below this level when not charging... */
export const LOW_BATTERY = 0.2;
/** ...and resume only above this one (or when plugged in). */
export const RESUME_BATTERY = 0.3;

export function shouldPauseForBattery(reading: BatteryReading, pausedNow: boolean): boolean {
  if (reading.charging) return false;
  return pausedNow ? reading.level < RESUME_BATTERY : reading.level < LOW_BATTERY;
}

interface BatteryManagerLike extends BatteryReading, EventTarget {}

/** Calls `onChange` with the battery state now and on every change; returns a stop function. */
export async function watchBattery(
  nav: unknown,
  onChange: (reading: BatteryReading) => void,
): Promise<() => void> {
  const getBattery = (nav as { getBattery?: () => Promise<BatteryManagerLike> } | undefined)?.getBattery;
  if (typeof getBattery !== 'function') return () => undefined;
  let battery: BatteryManagerLike;
  try {
    battery = await getBattery.call(nav);
  } catch {
    return () => undefined;
  }
  const emit = () => onChange({ charging: battery.charging, level: battery.level });
  battery.addEventListener('chargingchange', emit);
  battery.addEventListener('levelchange', emit);
  emit();
  return () => {
    battery.removeEventListener('chargingchange', emit);
    battery.removeEventListener('levelchange', emit);
  };
}
