// The room's emergency close on its console (issue #18, item 4): one button closes the internet of
// every PC in the room at once, ending their sessions (asked twice: residents lose their session);
// while it holds, the console says since when and by whom, and one button reopens the room.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomEmergency } from '#contract/room';
import { formatTime } from '../../../../../common/calendar';
import { ConfirmRow } from './ConfirmRow';

export function RoomEmergencyBar({ emergency, onSet }: { emergency: RoomEmergency | null; onSet: (closed: boolean) => Promise<boolean> }) {
  const { t } = useTranslation(['staff', 'internet']);
  const [asking, setAsking] = useState(false);
  if (emergency) {
    return (
      <div className="banner warning room-emergency" role="status">
        <p>{t('console.emergency.closed', { time: formatTime(emergency.at), by: emergency.by })}</p>
        <button type="button" className="button" onClick={() => void onSet(false)}>
          {t('console.emergency.reopen')}
        </button>
      </div>
    );
  }
  return (
    <div className="room-emergency">
      {asking ? (
        <ConfirmRow
          question={t('console.emergency.confirm')}
          yes={t('internet:staff.yes')}
          no={t('internet:staff.no')}
          onNo={() => setAsking(false)}
          onYes={() => void onSet(true).then(() => setAsking(false))}
        />
      ) : (
        <button type="button" className="button danger" onClick={() => setAsking(true)}>
          {t('console.emergency.close')}
        </button>
      )}
    </div>
  );
}
