// Which screen each route shows. A service issue replaces its entry with its real screen.
import type { ReactElement } from 'react';
import type { SystemInfo } from '../../../electron/contract/system';
import type { RouteId } from '../router';
import { NotYetAvailable } from './NotYetAvailable';
import { StaffArea } from './staff/StaffArea';

export const screens: Record<Exclude<RouteId, 'home'>, (props: { info: SystemInfo }) => ReactElement> = {
  circulation: () => <NotYetAvailable titleKey="home:services.circulation.name" />,
  internet: () => <NotYetAvailable titleKey="home:services.internet.name" />,
  'digital-library': () => <NotYetAvailable titleKey="home:services.digitalLibrary.name" />,
  search: () => <NotYetAvailable titleKey="home:services.search.name" />,
  staff: StaffArea,
};
