/**
 * Auto-lock (issue 2 §4): after `autoLockMinutes` without any message from the popup or
 * options page, when the screen locks, and — because the key lives in storage.session — when
 * the browser closes. The idle timer is an alarm, so it survives the worker being stopped.
 */
import type { Settings } from '../messaging/protocol';

export const AUTO_LOCK_ALARM = 'authdeck:auto-lock';
/** Re-arming the alarm on every message would be wasteful: the popup polls codes each second. */
const REARM_AFTER_MS = 5_000;

export interface AlarmsLike {
  create(name: string, info: { delayInMinutes: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

export interface AutoLockDeps {
  alarms: AlarmsLike;
  settings: () => Promise<Settings>;
  lock: () => Promise<void>;
  now: () => number;
}

export function createAutoLock({ alarms, settings, lock, now }: AutoLockDeps) {
  let lastArmed = Number.NEGATIVE_INFINITY;

  async function arm(force = false): Promise<void> {
    if (!force && now() - lastArmed < REARM_AFTER_MS) return;
    lastArmed = now();
    const { autoLockMinutes } = await settings();
    if (autoLockMinutes > 0)
      await alarms.create(AUTO_LOCK_ALARM, { delayInMinutes: autoLockMinutes });
    else await alarms.clear(AUTO_LOCK_ALARM);
  }

  async function lockNow(): Promise<void> {
    lastArmed = Number.NEGATIVE_INFINITY;
    await alarms.clear(AUTO_LOCK_ALARM);
    await lock();
  }

  return {
    /** User activity while unlocked: push the deadline out. */
    touch: () => arm(false),
    /** After unlock or a settings change. */
    rearm: () => arm(true),
    lockNow,
    onAlarm: async (name: string) => {
      if (name === AUTO_LOCK_ALARM) await lockNow();
    },
    onIdleState: async (state: string) => {
      if (state === 'locked') await lockNow();
    },
  };
}

export type AutoLock = ReturnType<typeof createAutoLock>;
