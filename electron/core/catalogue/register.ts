// Catalogue handlers: resident search, staff file import (chunked upload + report), MARC export, rotation batches.
import { IMPORT_CHUNK_BYTES } from '#contract/catalogue';
import type { KioskContext } from '../context';
import { localDay } from '../../../common/calendar';
import { exportPlaces, exportToPlace } from './export-places';
import { removeLeftoverSpills } from './file-duplicates';
import { importCatalogueFile } from './import';
import { recoverImports } from './import-journal';
import { batchItems, listBatches, receiveBatch, sendBackBatch } from './rotation';
import { searchCatalogue } from './search';
import { indexMissingRecords } from './search-index';
import { addChunk, beginUpload, removeLeftoverUploads, takeUpload } from './uploads';

export function registerCatalogue(ctx: KioskContext): void {
  const { registry, db, clock, bus } = ctx;
  // An import a kill interrupted is undone (or, once committed, finished) before anyone is served.
  if (ctx.role === 'owner') {
    recoverImports(db, clock, ctx.log);
    removeLeftoverSpills(ctx.dataDir);
  }
  removeLeftoverUploads(ctx);
  indexMissingRecords(db);

  registry.register('catalogue.search', ({ query, availableOnly, limit, offset }) =>
    searchCatalogue(db, query, { availableOnly, limit, offset, today: localDay(clock.now()) }),
  );

  registry.register('catalogue.exportPlaces', () => ({ places: exportPlaces(ctx) }));
  registry.register('catalogue.export', ({ place, format }) => exportToPlace(ctx, place, format));

  registry.register('catalogue.importBegin', ({ fileName, size, target }, { staff }) => {
    return { uploadId: beginUpload(ctx, staff.id, fileName, size, target), chunkBytes: IMPORT_CHUNK_BYTES };
  });
  registry.register('catalogue.importChunk', ({ uploadId, index, data }, { staff }) => {
    const received = addChunk(ctx, staff.id, uploadId, index, data);
    return { received };
  });
  registry.register('catalogue.importFinish', async ({ uploadId, dryRun, encoding }, { staff }) => {
    const upload = takeUpload(ctx, staff.id, uploadId);
    try {
      return await importCatalogueFile(
        db,
        clock,
        { path: upload.path },
        {
          fileName: upload.fileName,
          target: upload.target,
          dryRun,
          ...(encoding ? { encoding } : {}),
          staffId: staff.id,
          log: ctx.log,
          onProgress: (phase, done, total) => bus.emit('catalogue.importProgress', { uploadId, phase, done, total }),
        },
      );
    } finally {
      upload.release();
    }
  });

  registry.register('rotation.list', () => {
    return listBatches(db);
  });
  registry.register('rotation.items', ({ code }) => {
    return batchItems(db, code);
  });
  registry.register('rotation.receive', ({ code }) => {
    return receiveBatch(db, clock, code);
  });
  registry.register('rotation.sendBack', ({ code }) => {
    return sendBackBatch(db, clock, code);
  });
}
