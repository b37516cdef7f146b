// Catalogue handlers: resident search, staff file import (chunked upload + report), MARC export, rotation batches.
import { IMPORT_CHUNK_BYTES } from '../../contract/catalogue';
import type { KioskContext } from '../context';
import { requireStaff } from '../staff/auth';
import { exportPlaces, exportToPlace } from './export-places';
import { importCatalogueFile } from './import';
import { batchItems, listBatches, receiveBatch, sendBackBatch } from './rotation';
import { searchCatalogue } from './search';
import { indexMissingRecords } from './search-index';
import { addChunk, beginUpload, takeUpload } from './uploads';

export function registerCatalogue(ctx: KioskContext): void {
  const { registry, db, clock, bus } = ctx;
  indexMissingRecords(db);

  registry.register('catalogue.search', ({ query, availableOnly, limit, offset }) => searchCatalogue(db, query, { availableOnly, limit, offset }));

  registry.register('catalogue.exportPlaces', ({ staffToken }) => {
    requireStaff(ctx, staffToken);
    return { places: exportPlaces(ctx) };
  });
  registry.register('catalogue.export', ({ staffToken, place, format }) => {
    requireStaff(ctx, staffToken);
    return exportToPlace(ctx, place, format);
  });

  registry.register('catalogue.importBegin', ({ staffToken, fileName, size, target }) => {
    const staff = requireStaff(ctx, staffToken);
    return { uploadId: beginUpload(ctx, staff.id, fileName, size, target), chunkBytes: IMPORT_CHUNK_BYTES };
  });
  registry.register('catalogue.importChunk', ({ staffToken, uploadId, index, data }) => {
    const staff = requireStaff(ctx, staffToken);
    const received = addChunk(ctx, staff.id, uploadId, index, data);
    return { received };
  });
  registry.register('catalogue.importFinish', async ({ staffToken, uploadId, dryRun, encoding }) => {
    const staff = requireStaff(ctx, staffToken);
    const upload = takeUpload(ctx, staff.id, uploadId);
    return importCatalogueFile(db, clock, upload.bytes, {
      fileName: upload.fileName,
      target: upload.target,
      dryRun,
      ...(encoding ? { encoding } : {}),
      staffId: staff.id,
      log: ctx.log,
      onProgress: (phase, done, total) => bus.emit('catalogue.importProgress', { uploadId, phase, done, total }),
    });
  });

  registry.register('rotation.list', ({ staffToken }) => {
    requireStaff(ctx, staffToken);
    return listBatches(db);
  });
  registry.register('rotation.items', ({ staffToken, code }) => {
    requireStaff(ctx, staffToken);
    return batchItems(db, code);
  });
  registry.register('rotation.receive', ({ staffToken, code }) => {
    requireStaff(ctx, staffToken);
    return receiveBatch(db, clock, code);
  });
  registry.register('rotation.sendBack', ({ staffToken, code }) => {
    requireStaff(ctx, staffToken);
    return sendBackBatch(db, clock, code);
  });
}
