// Which screen each route shows. A service issue replaces its entry with its real screen.
import type { ReactElement } from 'react';
import type { SystemInfo } from '../../../electron/contract/system';
import type { RouteId } from '../router';
import { NotYetAvailable } from './NotYetAvailable';
import { InternetScreen } from './internet/InternetScreen';
import { StaffArea } from './staff/StaffArea';
import { CirculationScreen } from './circulation/CirculationScreen';
import { DigitalLibrary } from './digital-library/DigitalLibrary';

export const screens: Record<Exclude<RouteId, 'home'>, (props: { info: SystemInfo }) => ReactElement> = {
  circulation: CirculationScreen,
  internet: InternetScreen,
  'digital-library': DigitalLibrary,
  search: () => <NotYetAvailable titleKey="home:services.search.name" />,
  staff: StaffArea,
};
