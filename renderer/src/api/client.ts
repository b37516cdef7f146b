// The typed API client the screens use: `api.call('system.info', {})` returns the method's response
// type or throws ApiCallError carrying the typed error from the core.
import type { ApiError, EventName, EventPayload, Events, MethodName, RequestOf, ResponseOf } from '#contract';
import type { Transport } from './transport';

// Event payloads are checked against the contract's schemas, which are loaded on the first
// subscription rather than with the home screen (they are most of the contract's weight).
let eventSchemas: Promise<Events> | undefined;
const loadEventSchemas = () => (eventSchemas ??= import('#contract').then((contract) => contract.events));

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, params: RequestOf<M>): Promise<ResponseOf<M>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, params) {
      const reply = await transport.call(method, params);
      if (!reply.ok) throw new ApiCallError(reply.error);
      return reply.value as ResponseOf<typeof method>;
    },
    on(name, listener) {
      const schemas = loadEventSchemas();
      // Chained so that events reach the listener in the order they arrived.
      let delivered = Promise.resolve();
      return transport.subscribe((emitted, payload) => {
        if (emitted !== name) return;
        delivered = delivered.then(async () => {
          const parsed = (await schemas)[name].safeParse(payload);
          if (parsed.success) listener(parsed.data as EventPayload<typeof name>);
        });
      });
    },
  };
}
