// Card care on a resident's record at the staff desk (issue #21): a lost card reissued under a new
// number, another category, a duplicate record merged into this one. Each asks why (kept on the
// kiosk with who did it); the two that retire a card number ask for a second tap first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatronRecord } from '#contract/rights';
import type { PatronSummary } from '#contract/patrons';
import { useApi } from '../../../api/context';
import { useLoad } from '../../../api/useLoad';
import { VietnameseTextInput } from '../../../input/VietnameseTextInput';
import { DeskSection } from './DeskSection';

interface CardCareProps {
  staffToken: string;
  record: PatronRecord;
  /** After a change: the sentence to show, and the card the record now lives under. */
  onDone: (text: string, card: string) => void;
  onError: (error: unknown) => void;
}

function ReasonField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('circulation');
  return (
    <VietnameseTextInput
      className="circ-manual"
      id={id}
      label={t('staff.care.reason')}
      value={value}
      onValueChange={onChange}
      maxLength={200}
      style={{ textTransform: 'none' }}
      hint={t('staff.care.reasonHint')}
    />
  );
}

export function CardCareForms({ staffToken, record, onDone, onError }: CardCareProps) {
  const api = useApi();
  const { t } = useTranslation('circulation');
  const categories = useLoad(() => api.call('patrons.categories', {}), [api]);
  const [reissueReason, setReissueReason] = useState('');
  const [category, setCategory] = useState('');
  const [categoryReason, setCategoryReason] = useState('');
  const [duplicate, setDuplicate] = useState('');
  const [mergeReason, setMergeReason] = useState('');
  const card = record.cardNumber;
  const act = async (call: () => Promise<PatronSummary>, sentence: (updated: PatronSummary) => string, clear: () => void) => {
    try {
      const updated = await call();
      clear();
      onDone(sentence(updated), updated.cardNumber);
    } catch (error) {
      onError(error);
    }
  };
  const reasonOk = (reason: string) => reason.trim().length >= 2;
  const otherCategories = (categories.value ?? []).filter((c) => c.name !== record.categoryName);

  return (
    <>
      <DeskSection
        id="reissue"
        title={t('staff.care.reissueTitle')}
        explain={t('staff.care.reissueExplain')}
        action={t('staff.care.reissue')}
        ready={reasonOk(reissueReason)}
        confirm={t('staff.care.reissueConfirm', { card })}
        run={() =>
          act(
            () => api.call('patrons.reissueCard', { staffToken, card, reason: reissueReason }),
            (u) => t('staff.care.reissued', { old: card, card: u.cardNumber }),
            () => setReissueReason(''),
          )
        }
      >
        <ReasonField id="reissue-reason" value={reissueReason} onChange={setReissueReason} />
      </DeskSection>
      <DeskSection
        id="category"
        title={t('staff.care.categoryTitle')}
        explain={t('staff.care.categoryExplain', { name: record.categoryName })}
        action={t('staff.care.categoryChange')}
        ready={category !== '' && reasonOk(categoryReason)}
        run={() =>
          act(
            () => api.call('patrons.setCategory', { staffToken, card, category, reason: categoryReason }),
            (u) => t('staff.care.categoryChanged', { card, name: u.categoryName }),
            () => {
              setCategory('');
              setCategoryReason('');
            },
          )
        }
      >
        <div className="circ-manual">
          <label htmlFor="care-category">{t('staff.care.categoryLabel')}</label>
          <select id="care-category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('staff.care.categoryPick')}</option>
            {otherCategories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <ReasonField id="category-reason" value={categoryReason} onChange={setCategoryReason} />
      </DeskSection>
      <DeskSection
        id="merge"
        title={t('staff.care.mergeTitle')}
        explain={t('staff.care.mergeExplain', { card })}
        action={t('staff.care.merge')}
        ready={duplicate.trim().length >= 3 && reasonOk(mergeReason)}
        confirm={t('staff.care.mergeConfirm', { card, duplicate: duplicate.trim().toUpperCase() })}
        run={() =>
          act(
            () => api.call('patrons.merge', { staffToken, keep: card, duplicate: duplicate.trim(), reason: mergeReason }),
            () => t('staff.care.merged', { card, duplicate: duplicate.trim().toUpperCase() }),
            () => {
              setDuplicate('');
              setMergeReason('');
            },
          )
        }
      >
        <div className="circ-manual">
          <label htmlFor="care-duplicate">{t('staff.care.duplicateLabel')}</label>
          <input id="care-duplicate" value={duplicate} autoComplete="off" maxLength={20} onChange={(e) => setDuplicate(e.target.value)} />
        </div>
        <ReasonField id="merge-reason" value={mergeReason} onChange={setMergeReason} />
      </DeskSection>
    </>
  );
}
