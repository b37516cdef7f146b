// Technician page: runs the kiosk self-test and shows each check (ok / warning / error) with its
// Vietnamese explanation, so a technician on site sees at a glance what needs fixing.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfTestReport } from '#contract/system';
import { useApi } from '../../api/context';

export function SelfTestPage() {
  const api = useApi();
  const { t } = useTranslation('technician');
  const [report, setReport] = useState<SelfTestReport>();
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState(false);

  const run = useCallback(() => {
    setRunning(true);
    setFailed(false);
    api.call('system.selfTest', {}).then(
      (value) => (setReport(value), setRunning(false)),
      () => (setFailed(true), setRunning(false)),
    );
  }, [api]);

  useEffect(run, [run]);

  return (
    <div>
      <div className="row">
        <button type="button" className="button" onClick={run} disabled={running}>
          {running ? t('selfTest.running') : t('selfTest.runAgain')}
        </button>
        {report && (
          <span role="status" className={`banner ${report.ok ? 'success' : 'error'}`} style={{ margin: 0 }}>
            {report.ok ? t('selfTest.allOk') : t('selfTest.someErrors')}
          </span>
        )}
      </div>
      {failed && (
        <p className="banner error" role="alert">
          {t('errors.unavailable')}
        </p>
      )}
      {report && (
        <ul className="checks" aria-label={t('selfTest.listLabel')}>
          {report.checks.map((check) => (
            <li key={check.id} data-status={check.status} data-check={check.id}>
              <span>
                <strong>{t(`selfTest.checks.${check.id}`, { defaultValue: check.id })}</strong>
                <br />
                <span className="status-tag">{t(`selfTest.status.${check.status}`)}</span>
              </span>
              <span>{check.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
