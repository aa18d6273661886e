import { createContext, useContext, useEffect, useRef } from 'react';

import type { Api, Schemas } from './api/client';

export type AppContext = { api: Api; me: Schemas['UserOut']; reloadMe: () => Promise<void>; signOut: () => Promise<void> };

export const Ctx = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useApp outside the signed-in app');
  return ctx;
}

// Run `task` now and every `ms` while the screen is shown (the feed and positions refresh themselves).
export function usePolling(task: () => Promise<void> | void, ms: number, key?: unknown): void {
  const saved = useRef(task);
  saved.current = task;
  useEffect(() => {
    let alive = true;
    const tick = async () => {
      if (!alive) return;
      try { await saved.current(); } catch { /* shown by the screen */ }
    };
    void tick();
    const id = setInterval(tick, ms);
    return () => { alive = false; clearInterval(id); };
  }, [ms, key]);
}
