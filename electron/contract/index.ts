// The whole API: every method table and every event table joined into one typed contract.
// A feature adds its table here; the core registers one handler per name.
import './zod-locale';
import type { z } from 'zod';
import type { MethodSpec } from './define';
import { systemEvents, systemMethods } from './system';
import { deviceEvents, deviceMethods } from './devices';
import { staffMethods } from './staff';
import { technicianMethods } from './technician';
import { internetEvents, internetMethods } from './internet';
import { i18nMethods } from './i18n';
import { residentsMethods } from './residents';
import { announcementsMethods } from './announcements';
import { statisticsMethods } from './statistics';
import { uploadEvents, uploadMethods } from './upload';
import { patronMethods } from './patrons';
import { circulationMethods } from './circulation';
import { rightsMethods } from './rights';
import { catalogueEvents, catalogueMethods } from './catalogue';
import { copyCataloguingEvents, copyCataloguingMethods } from './copy-cataloguing';
import { eresourceEvents, eresourceMethods } from './eresources';
import { roomConsoleMethods, roomSetupMethods } from './room';

export const methods = {
  ...systemMethods,
  ...staffMethods,
  ...technicianMethods,
  ...internetMethods,
  ...i18nMethods,
  ...residentsMethods,
  ...announcementsMethods,
  ...statisticsMethods,
  ...uploadMethods,
  ...patronMethods,
  ...circulationMethods,
  ...rightsMethods,
  ...deviceMethods,
  ...catalogueMethods,
  ...copyCataloguingMethods,
  ...eresourceMethods,
  ...roomSetupMethods,
  ...roomConsoleMethods,
} satisfies Record<string, MethodSpec>;

export const events = {
  ...systemEvents,
  ...deviceEvents,
  ...internetEvents,
  ...uploadEvents,
  ...catalogueEvents,
  ...copyCataloguingEvents,
  ...eresourceEvents,
} satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type RequestOf<M extends MethodName> = z.input<Methods[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Methods[M]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export * from './errors';
export * from './wire';
export type { Access, MethodSpec } from './define';
