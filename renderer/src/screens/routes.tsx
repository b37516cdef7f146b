// Which screen each route shows. A service issue replaces its entry with its real screen.
import type { ReactElement } from 'react';
import type { SystemInfo } from '../../../electron/contract/system';
import type { RouteId } from '../router';
import { InternetScreen } from './internet/InternetScreen';
import { StaffArea } from './staff/StaffArea';
import { SearchScreen } from './catalogue/SearchScreen';
import { CirculationScreen } from './circulation/CirculationScreen';
import { DigitalLibrary } from './digital-library/DigitalLibrary';

export const screens: Record<Exclude<RouteId, 'home'>, (props: { info: SystemInfo }) => ReactElement> = {
  circulation: CirculationScreen,
  internet: InternetScreen,
  'digital-library': DigitalLibrary,
  search: SearchScreen,
  staff: StaffArea,
};
