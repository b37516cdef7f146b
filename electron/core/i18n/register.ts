// i18n handler: hands the renderer the technician's extra locale files from the data folder.
import type { KioskContext } from '../context';
import { readRuntimeLocales } from './runtime-locales';

export function registerI18n(ctx: KioskContext): void {
  ctx.registry.register('i18n.runtimeLocales', () => {
    const result = readRuntimeLocales(ctx.dataDir);
    for (const problem of result.problems) ctx.log.log('warn', 'i18n.locale_file_rejected', { file: problem.file });
    return result;
  });
}
