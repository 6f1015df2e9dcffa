// React access to the designer store.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DesignerStore, StoreState } from './store.js';

export const StoreContext = createContext<DesignerStore | null>(null);

export function useDesigner(): DesignerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('no DesignerStore in context');
  return store;
}

/** Subscribes to one slice of the state; re-renders only when that slice changes (by identity). */
export function useStoreState<T>(select: (s: StoreState) => T): T {
  const store = useDesigner();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
