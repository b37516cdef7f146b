// Typed publish/subscribe for contract events. Payloads are validated on emit so a subscriber on
// the other side of a transport only ever receives what the contract promises.
import { events, type EventName, type EventPayload } from '#contract';

export type EventListener = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Listen to every event (transports forward them all). Returns the unsubscribe function. */
  onAny(listener: EventListener): () => void;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const parsed = events[name].parse(payload);
      for (const listener of [...listeners]) listener(name, parsed);
    },
    onAny(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(name, listener) {
      const wrapped: EventListener = (emitted, payload) => {
        if (emitted === name) listener(payload as EventPayload<typeof name>);
      };
      listeners.add(wrapped);
      return () => listeners.delete(wrapped);
    },
  };
}
