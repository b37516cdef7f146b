// The kiosk's own file picker: a web page's "choose file" button lands here, never on the system
// dialog (which would show the kiosk's data folder). It lists only the files downloaded in this
// internet session; choosing hands exactly those files to the page, Hủy hands nothing.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '#contract';
import { useApi } from '../../api/context';
import { useFormat } from '../../i18n/format';
import { errorText } from './useInternet';

type Picker = EventPayload<'internet.filePicker'>;

export function FilePicker() {
  const api = useApi();
  const { t } = useTranslation('internet');
  const format = useFormat();
  const [picker, setPicker] = useState<Picker | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(
    () =>
      api.on('internet.filePicker', (next) => {
        setPicker((current) => (next.open ? next : current?.pickId === next.pickId ? null : current));
        if (next.open) {
          setChosen([]);
          setProblem(null);
        }
      }),
    [api],
  );

  if (!picker) return null;
  const answer = (names: string[]) =>
    api.call('internet.chooseFiles', { pickId: picker.pickId, names }).then(
      () => setPicker(null),
      (error: unknown) => setProblem(errorText(t, error)),
    );
  const toggle = (name: string) => {
    if (!picker.multiple) return void answer([name]);
    setChosen((list) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name]));
  };
  const kilobytes = (bytes: number) => format.number(Math.max(1, Math.ceil(bytes / 1024)));

  return (
    <div className="file-picker" role="dialog" aria-modal="true" aria-labelledby="file-picker-title">
      <h2 id="file-picker-title">{t('picker.title')}</h2>
      <p>{t(picker.multiple ? 'picker.leadMultiple' : 'picker.lead')}</p>
      <p className="hint">{t('picker.privacy')}</p>
      <ul className="picker-files">
        {picker.files.map((file) => (
          <li key={file.name}>
            <button
              type="button"
              className={`picker-file${chosen.includes(file.name) ? ' chosen' : ''}`}
              aria-pressed={picker.multiple ? chosen.includes(file.name) : undefined}
              onClick={() => toggle(file.name)}
            >
              <span className="name">{file.name}</span>
              <span className="size">{t('picker.size', { size: kilobytes(file.bytes) })}</span>
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      <div className="picker-actions">
        {picker.multiple && (
          <button type="button" className="button" disabled={chosen.length === 0} onClick={() => void answer(chosen)}>
            {t('picker.give', { count: chosen.length })}
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => void answer([])}>
          {t('picker.cancel')}
        </button>
      </div>
    </div>
  );
}
