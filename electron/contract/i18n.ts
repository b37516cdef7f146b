// Locale files a technician drops into <dataDir>/locales/<language>/<namespace>.json: served to the
// renderer, which merges them over the bundled texts (missing keys fall back to Vietnamese).
import { z } from 'zod';
import { anyone, method, noParams } from './define';

export const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'mã ngôn ngữ gồm 2–3 chữ thường, ví dụ "vi", "en", "ede"');
export const namespaceName = z.string().regex(/^[a-z][a-zA-Z0-9-]{0,40}$/, 'tên nhóm văn bản gồm chữ thường, chữ số hoặc dấu gạch ngang');

/** A locale file: nested objects whose leaves are texts, or short lists of texts (read with returnObjects). */
export type LocaleTree = { [key: string]: string | string[] | LocaleTree };
export const localeTree: z.ZodType<LocaleTree> = z.lazy(() =>
  z.record(z.string().min(1).max(120), z.union([z.string().max(4000), z.array(z.string().max(4000)).max(50), localeTree])),
);

export const runtimeLocale = z.object({
  language: languageCode,
  namespaces: z.record(namespaceName, localeTree),
});
export type RuntimeLocale = z.infer<typeof runtimeLocale>;

export const localeProblem = z.object({ file: z.string(), message: z.string() });

export const i18nMethods = {
  'i18n.runtimeLocales': method(noParams, z.object({ locales: z.array(runtimeLocale), problems: z.array(localeProblem) }), anyone),
};
