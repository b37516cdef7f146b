// The `copyCataloguing` section of kiosk.config.json: which catalogue servers copy cataloguing
// asks (the provincial library's Koha or Libol, any other SRU or Z39.50 target), how long it
// waits for each, and how often a queued ISBN is tried again.
import { z } from 'zod';

const name = z.string().trim().min(1).max(80);
const timeoutSeconds = z.number().min(1).max(60);

export const sruTargetSchema = z
  .object({
    name,
    protocol: z.literal('sru'),
    url: z.url({ protocol: /^https?$/, error: 'địa chỉ SRU bắt đầu bằng http:// hoặc https://' }),
    version: z.enum(['1.1', '1.2', '2.0']).default('1.2'),
    recordSchema: z.string().min(1).max(100).default('marcxml'),
    isbnIndex: z
      .string()
      .regex(/^[A-Za-z][\w.-]*$/, 'tên chỉ mục CQL, ví dụ bath.isbn')
      .max(60)
      .default('bath.isbn'),
    timeoutSeconds: timeoutSeconds.optional(),
  })
  .strict();

export const z3950TargetSchema = z
  .object({
    name,
    protocol: z.literal('z3950'),
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535).default(210),
    database: z.string().trim().min(1).max(100),
    recordSyntax: z.enum(['usmarc', 'marcxml', 'unimarc']).default('usmarc'),
    elementSetName: z.string().min(1).max(40).default('F'),
    /** An account the server asks for at Init (idPass); both or neither. */
    user: z.string().trim().min(1).max(100).optional(),
    password: z.string().min(1).max(100).optional(),
    timeoutSeconds: timeoutSeconds.optional(),
  })
  .strict();

export const copyTargetSchema = z.discriminatedUnion('protocol', [
  sruTargetSchema,
  z3950TargetSchema.refine((t) => (t.user === undefined) === (t.password === undefined), {
    error: 'máy chủ cần tài khoản thì ghi cả user và password; không cần thì bỏ cả hai',
  }),
]);
export type CopyTarget = z.output<typeof copyTargetSchema>;

export const copyCataloguingSection = z
  .object({
    targets: z
      .array(copyTargetSchema)
      .max(10)
      .refine((list) => new Set(list.map((t) => t.name)).size === list.length, 'mỗi máy chủ cần một tên riêng (name)')
      .default([]),
    timeoutSeconds: timeoutSeconds.default(8),
    maxRecords: z.number().int().min(1).max(50).default(20),
    retryMinutes: z.number().int().min(1).max(1440).default(10),
  })
  .strict();

export type CopyCataloguingConfig = z.output<typeof copyCataloguingSection>;
