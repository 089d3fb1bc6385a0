import { describe, expect, it } from 'vitest';
import { LOW_BATTERY, RESUME_BATTERY, shouldPauseForBattery, watchBattery } from './battery';

describe('battery auto-pause', () => {
  it('pauses below the low mark when not charging, never when charging', () => {
    expect(shouldPauseForBattery({ charging: false, level: LOW_BATTERY - 0.01 }, false)).toBe(true);
    expect(shouldPauseForBattery({ charging: false, level: LOW_BATTERY + 0.01 }, false)).toBe(false);
    expect(shouldPauseForBattery({ charging: true, level: 0.01 }, false)).toBe(false);
    expect(shouldPauseForBattery({ charging: true, level: 0.01 }, true)).toBe(false);
  });

  it('resumes only above the resume mark (hysteresis)', () => {
    const between = (LOW_BATTERY + RESUME_BATTERY) / 2;
    expect(shouldPauseForBattery({ charging: false, level: between }, true)).toBe(true);
    expect(shouldPauseForBattery({ charging: false, level: between }, false)).toBe(false);
    expect(shouldPauseForBattery({ charging: false, level: RESUME_BATTERY + 0.01 }, true)).toBe(false);
  });

  it('follows the Battery API events and does nothing without the API', async () => {
    const readings: Array<{ charging: boolean; level: number }> = [];
    const battery = Object.assign(new EventTarget(), { charging: true, level: 0.5 });
    const stop = await watchBattery({ getBattery: async () => battery }, (r) => readings.push(r));
    battery.charging = false;
    battery.level = 0.1;
    battery.dispatchEvent(new Event('levelchange'));
    stop();
    battery.dispatchEvent(new Event('chargingchange'));
    expect(readings).toEqual([
      { charging: true, level: 0.5 },
      { charging: false, level: 0.1 },
    ]);
    const none = await watchBattery({}, () => readings.push({ charging: false, level: 0 }));
    none();
    expect(readings).toHaveLength(2);
  });
});
