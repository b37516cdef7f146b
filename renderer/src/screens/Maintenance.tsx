// Shown on every resident screen of a PC that staff put into maintenance (from the room's console or
// at the PC): it is out of service, residents are pointed to another PC, and staff still sign in.
import { useTranslation } from 'react-i18next';
import type { Maintenance as MaintenanceInfo } from '#contract/system';
import { navigate } from '../router';
import { OutOfServiceFrame } from './OutOfServiceFrame';

export function Maintenance({ since }: { since: MaintenanceInfo }) {
  const { t } = useTranslation('common');
  return (
    <OutOfServiceFrame since={since.at}>
      <p className="banner warning" role="status">
        {t('outOfService.maintenance')}
      </p>
      <button type="button" className="button quiet" onClick={() => navigate('staff')}>
        {t('outOfService.staffEntry')}
      </button>
    </OutOfServiceFrame>
  );
}
