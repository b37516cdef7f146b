// The features the kiosk is made of, in registration order. A feature is one function that adds
// its handlers (and timers, probes) to the context.
import type { KioskContext } from './context';
import { registerSystem } from './system/register';
import { registerStaffAuth } from './staff/auth';
import { registerTechnician } from './technician/register';
import { registerInternet } from './internet/register';
import { registerStatistics } from './statistics/register';
import { registerUpload } from './upload/register';
import { registerCatalogue } from './catalogue/register';
import { registerCopyCataloguing } from './catalogue/copy/register';
import { registerI18n } from './i18n/register';
import { registerResidents } from './residents/register';
import { registerAnnouncements } from './announcements/register';
import { registerDevices } from './devices/register';
import { registerPatrons } from './patrons/register';
import { registerCirculation } from './circulation/register';
import { registerRights } from './rights/register';
import { registerEresources } from './eresources/register';
import { registerStoreHousekeeping } from './store/housekeeping';
import { registerRoom } from './room/register';

export const features: ReadonlyArray<(ctx: KioskContext) => void | Promise<void>> = [
  registerSystem,
  registerStaffAuth,
  registerTechnician,
  registerInternet,
  registerStatistics,
  registerUpload,
  registerCatalogue,
  registerCopyCataloguing,
  registerI18n,
  registerResidents,
  registerAnnouncements,
  registerDevices,
  registerPatrons,
  registerCirculation,
  registerRights,
  registerEresources,
  registerStoreHousekeeping,
  // Last: a room kiosk forwards methods the features above registered.
  registerRoom,
];
