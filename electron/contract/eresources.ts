// Digital library contract: browsing and opening e-resources (no sign-in), the reading-time report a
// viewer sends when it closes, and the staff's content-pack management (install, progress, remove).
import { z } from 'zod';
import { anyone, method, noParams, staff } from './define';
import { staffToken } from './staff';

export const eresourceFormat = z.enum(['pdf', 'epub', 'audio', 'video', 'image', 'html', 'link']);
export type EresourceFormat = z.infer<typeof eresourceFormat>;

export const eresourceAudience = z.enum(['all', 'child', 'youth', 'adult', 'senior']);
export type EresourceAudience = z.infer<typeof eresourceAudience>;

export const eresourceView = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  topic: z.string(),
  audience: z.string(),
  language: z.string(),
  format: eresourceFormat,
  source: z.string(),
  featured: z.boolean(),
  /** Pack-relative file served by the kiosk (`eresources/file/<id>`); null for links. */
  hasFile: z.boolean(),
  hasCover: z.boolean(),
  mime: z.string().nullable(),
  size: z.number().int().nullable(),
  /** Online resources only. */
  url: z.string().nullable(),
  packId: z.string().nullable(),
});
export type EresourceView = z.infer<typeof eresourceView>;

export const topicView = z.object({ name: z.string(), count: z.number().int() });

export const browseRequest = z
  .object({
    query: z.string().max(200).default(''),
    topic: z.string().max(120).optional(),
    format: eresourceFormat.optional(),
    audience: eresourceAudience.optional(),
    limit: z.number().int().min(1).max(200).default(60),
  })
  .strict();

export const browseResponse = z.object({
  topics: z.array(topicView),
  featured: z.array(eresourceView),
  results: z.array(eresourceView),
  total: z.number().int(),
});
export type BrowseResponse = z.infer<typeof browseResponse>;

export const urlDecisionView = z.object({
  decision: z.enum(['allow', 'block']),
  rule: z.string(),
  reason: z.string(),
  url: z.string().nullable(),
});

export const openResponse = z.object({
  viewId: z.string(),
  resource: eresourceView,
  /** For links: what the URL policy decided, and whether the minutes count as internet time. */
  link: z.object({ decision: urlDecisionView, countsAsInternetTime: z.boolean() }).nullable(),
});
export type OpenResponse = z.infer<typeof openResponse>;

export const packView = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  publisher: z.string(),
  installedAt: z.string(),
  bytes: z.number().int(),
  resources: z.number().int(),
});
export type PackView = z.infer<typeof packView>;

export const diskUsage = z.object({ usedBytes: z.number().int(), quotaBytes: z.number().int(), freeBytes: z.number().int().nullable() });

export const packsResponse = z.object({ packs: z.array(packView), usage: diskUsage });

export const packSource = z.object({ path: z.string(), name: z.string(), bytes: z.number().int() });

export const installResult = z.object({
  pack: packView,
  replacedVersion: z.string().nullable(),
  usage: diskUsage,
});
export type InstallResult = z.infer<typeof installResult>;

export const installPhase = z.enum(['checking', 'copying', 'verifying', 'switching', 'done', 'failed']);

export const eresourceMethods = {
  'eresources.browse': method(browseRequest, browseResponse, anyone),
  'eresources.open': method(
    z
      .object({
        resourceId: z.number().int().positive(),
        /** The signed-in resident's card; without it the open is counted anonymously. */
        card: z.string().trim().min(1).max(64).optional(),
      })
      .strict(),
    openResponse,
    anyone,
  ),
  'eresources.close': method(
    z
      .object({
        viewId: z.string().min(8).max(64),
        /** Seconds the viewer was visible on screen (the page hidden or the kiosk idle does not count). */
        visibleSeconds: z
          .number()
          .nonnegative()
          .max(24 * 3600),
        /** Audio/video: played to the end; null for documents. */
        completed: z.boolean().nullable().default(null),
      })
      .strict(),
    z.object({ minutes: z.number().nonnegative() }),
    anyone,
  ),
  'eresources.packs': method(z.object({ staffToken }).strict(), packsResponse, staff),
  'eresources.sources': method(
    z.object({ staffToken, folder: z.string().max(1000).optional() }).strict(),
    z.object({ folders: z.array(z.string()), files: z.array(packSource) }),
    staff,
  ),
  'eresources.install': method(z.object({ staffToken, path: z.string().min(1).max(1000), jobId: z.string().min(1).max(64) }).strict(), installResult, staff),
  'eresources.installUrl': method(z.object({ staffToken, url: z.string().url().max(2000), jobId: z.string().min(1).max(64) }).strict(), installResult, staff),
  'eresources.remove': method(z.object({ staffToken, packId: z.string().min(1).max(64) }).strict(), z.object({ removed: packView, usage: diskUsage }), staff),
  'eresources.topics': method(noParams, z.array(z.string()), anyone),
};

export const eresourceEvents = {
  /** Progress of a pack installation started by staff, for the progress bar. */
  'eresources.installProgress': z.object({
    jobId: z.string(),
    phase: installPhase,
    bytesDone: z.number().int().nonnegative(),
    bytesTotal: z.number().int().nonnegative(),
    message: z.string().optional(),
  }),
};

/** Where the kiosk serves a resource's file or cover (relative to the UI's own origin). */
export function eresourceFileUrl(id: number, part: 'file' | 'cover' = 'file'): string {
  return `eresources/${part}/${id}`;
}
