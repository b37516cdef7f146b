// Brings an outcome into sight when it appears or changes: an answer shown above a long page the
// person scrolled down to act on would otherwise be missed ("nothing happened").
import { useEffect, useRef } from 'react';

export function useReveal<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [key]);
  return ref;
}
