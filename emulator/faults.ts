import type { ProviderName } from './context';

/** Injected failures (providers.md §6 `POST /__emulator/faults`): consumed one call at a time. */
export interface FaultQueue {
  add(provider: ProviderName, code: string, count: number): void;
  take(provider: ProviderName): string | null;
  pending(): { provider: ProviderName; code: string; remaining: number }[];
  clear(): void;
}

interface Fault {
  code: string;
  remaining: number;
}

export function createFaultQueue(): FaultQueue {
  const queues = new Map<ProviderName, Fault[]>();
  return {
    add(provider, code, count) {
      const queue = queues.get(provider) ?? [];
      queue.push({ code, remaining: count });
      queues.set(provider, queue);
    },
    take(provider) {
      const queue = queues.get(provider);
      const head = queue?.[0];
      if (queue === undefined || head === undefined) return null;
      head.remaining -= 1;
      if (head.remaining <= 0) queue.shift();
      return head.code;
    },
    pending() {
      return [...queues].flatMap(([provider, faults]) =>
        faults.map((f) => ({ provider, code: f.code, remaining: f.remaining })),
      );
    },
    clear() {
      queues.clear();
    },
  };
}
