// The staff pages registry: each staff or technician screen adds one entry here. The staff home
// lists the entries the signed-in role may open; #/staff/<id> shows the page.
import type { ReactElement } from 'react';
import { SelfTestPage } from '../technician/SelfTestPage';
import { MaintenancePage } from '../technician/MaintenancePage';
import { UsbUpdatePage } from '../technician/UsbUpdatePage';
import { SetupPage } from '../technician/SetupPage';
import { RoomPage } from '../technician/RoomPage';
import { KioskInfoPage } from './KioskInfoPage';
import { ReportsPage } from '../statistics/ReportsPage';
import { CatalogueImportPage } from '../catalogue/CatalogueImportPage';
import { RotationPage } from '../catalogue/RotationPage';
import { CopyCataloguingPage } from '../catalogue/CopyCataloguingPage';
import { PatronsPage } from '../circulation/staff/PatronsPage';
import { OverduePage } from '../circulation/staff/OverduePage';
import { HoldsPage } from '../circulation/staff/HoldsPage';
import { OverridePage } from '../circulation/staff/OverridePage';
import { InternetStaffPage } from '../internet/staff/InternetStaffPage';
import { RoomConsolePage } from '../internet/staff/RoomConsolePage';
import { DevicesPage } from '../devices/DevicesPage';
import { PackImportPage } from '../digital-library/staff/PackImportPage';
import { AnnouncementsPage } from '../announcements/AnnouncementsPage';

export interface StaffPage {
  /** Used in the address: #/staff/<id> (lowercase letters, digits, dashes). */
  id: string;
  /** i18n key of the page title, with its namespace ('staff:pages.kioskInfo'). */
  titleKey: string;
  /** 'technician' pages are hidden from staff; technicians see every page. */
  role: 'staff' | 'technician';
  Component: (props: { staffToken: string }) => ReactElement;
}

export const staffPages: StaffPage[] = [
  { id: 'kiosk-info', titleKey: 'staff:pages.kioskInfo', role: 'staff', Component: KioskInfoPage },
  { id: 'reports', titleKey: 'statistics:pageTitle', role: 'staff', Component: ReportsPage },
  { id: 'catalogue-import', titleKey: 'catalogue:staff.importTitle', role: 'staff', Component: CatalogueImportPage },
  { id: 'copy-cataloguing', titleKey: 'catalogue:copy.pageTitle', role: 'staff', Component: CopyCataloguingPage },
  { id: 'rotation', titleKey: 'catalogue:staff.rotationTitle', role: 'staff', Component: RotationPage },
  { id: 'patrons', titleKey: 'circulation:staff.pages.patrons', role: 'staff', Component: PatronsPage },
  { id: 'overdue', titleKey: 'circulation:staff.pages.overdue', role: 'staff', Component: OverduePage },
  { id: 'holds', titleKey: 'circulation:staff.pages.holds', role: 'staff', Component: HoldsPage },
  { id: 'override', titleKey: 'circulation:staff.pages.override', role: 'staff', Component: OverridePage },
  { id: 'internet', titleKey: 'internet:staff.pageTitle', role: 'staff', Component: InternetStaffPage },
  { id: 'room-console', titleKey: 'staff:console.pageTitle', role: 'staff', Component: RoomConsolePage },
  { id: 'self-test', titleKey: 'technician:pages.selfTest', role: 'technician', Component: SelfTestPage },
  { id: 'backups', titleKey: 'technician:pages.maintenance', role: 'technician', Component: MaintenancePage },
  { id: 'setup', titleKey: 'technician:pages.setup', role: 'technician', Component: SetupPage },
  { id: 'updates', titleKey: 'technician:pages.updates', role: 'technician', Component: UsbUpdatePage },
  { id: 'room', titleKey: 'technician:pages.room', role: 'technician', Component: RoomPage },
  { id: 'devices', titleKey: 'devices:pageTitle', role: 'staff', Component: DevicesPage },
  { id: 'content-packs', titleKey: 'eresources:staff.pageTitle', role: 'staff', Component: PackImportPage },
  { id: 'announcements', titleKey: 'announcements:page.title', role: 'staff', Component: AnnouncementsPage },
];

export function pagesFor(role: 'staff' | 'technician', pages: readonly StaffPage[] = staffPages): StaffPage[] {
  return pages.filter((page) => role === 'technician' || page.role === 'staff');
}
