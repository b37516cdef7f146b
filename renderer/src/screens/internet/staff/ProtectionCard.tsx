// What web protection is really in force on the internet PC (issue #15): the kiosk never pretends.
// The current session's audience and lists, who counts as a child, whether the lists were updated
// by a technician, and that the room's network is blocked.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebProtectionState } from '#contract/internet';
import { useApi } from '../../../api/context';

export function ProtectionCard({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t } = useTranslation('internet');
  const [state, setState] = useState<WebProtectionState | null>(null);
  useEffect(() => {
    api.call('internet.staff.protection', { staffToken }).then(setState, () => setState(null));
  }, [api, staffToken]);
  if (!state) return null;
  // i18n-keys: internet:staff.protection.lists.adult, internet:staff.protection.lists.gambling, internet:staff.protection.lists.dating
  const listName = (name: string) => t(`staff.protection.lists.${name}`);
  return (
    <section aria-labelledby="staff-protection-title" className="staff-card">
      <h2 id="staff-protection-title">{t('staff.protection.title')}</h2>
      <p data-testid="protection-current">
        {state.current.audience === 'child' ? t('staff.protection.currentChild') : t('staff.protection.currentAdult')}{' '}
        {state.current.lists.length > 0 ? t('staff.protection.blocks', { lists: state.current.lists.map(listName).join(', ') }) : t('staff.protection.noLists')}
      </p>
      <ul>
        <li>{t('staff.protection.children', { categories: state.childCategories.join(', ') })}</li>
        <li>
          {state.adultLists.length > 0 ? t('staff.protection.adults', { lists: state.adultLists.map(listName).join(', ') }) : t('staff.protection.adultsOff')}
        </li>
        <li>{state.guestsAsChildren ? t('staff.protection.guestsChildren') : t('staff.protection.guestsAdults')}</li>
        <li>{t('staff.protection.localNetwork')}</li>
        {state.lists.map((list) => (
          <li key={list.name}>
            {t(list.updated ? 'staff.protection.listUpdated' : 'staff.protection.listShipped', { list: listName(list.name), count: list.entries })}
          </li>
        ))}
      </ul>
    </section>
  );
}
