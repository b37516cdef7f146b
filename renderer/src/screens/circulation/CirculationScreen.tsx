// The self-service circulation screen. Not signed in: scan a book to return it, or a library card /
// CCCD to sign in. Signed in: each scanned book is lent at once and listed with its due date; "my
// loans" can be renewed; a receipt ends the visit. Idle sessions end by themselves.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinResult, HoldView, LoanView, Receipt, SignedInPatron } from '../../../../electron/contract/circulation';
import type { ScanEvent } from '../../../../electron/contract/devices';
import type { SystemInfo } from '../../../../electron/contract/system';
import { useAudioPrompt } from '../../a11y/audio';
import { ApiCallError } from '../../api/client';
import { useApi } from '../../api/context';
import { ScreenFrame } from '../../components/ScreenFrame';
import { useScan } from '../../devices/ScanProvider';
import { navigate } from '../../router';
import { clearSignedInResident, setSignedInResident } from '../../session/signed-in-resident';
import { Consent, type RegistrationOffer } from './Consent';
import { LibraryCard } from './LibraryCard';
import { HoldList, LoanList, ManualEntry, ProblemBanner, ReservedNotice } from './parts';
import { describeProblem, type Problem } from './problem';
import { ReceiptView } from './ReceiptView';
import { PinEntry } from './PinEntry';
import { MyData } from './MyData';
import type { PatronRecord } from '../../../../electron/contract/rights';
import { takeHandedOffScan } from './handoff';
import { formatDay } from '../../../../common/calendar';
import { useIdle } from '../../session/useIdle';
import { IdleCountdown } from '../../components/IdleCountdown';
import './circulation.css';
import { Banner } from '../../components/Banner';

type State =
  | { mode: 'start' }
  | { mode: 'borrow'; view: SignedInPatron; session: LoanView[]; showLoans: boolean }
  | { mode: 'pin'; request: CardRequest }
  | { mode: 'myData'; back: Extract<State, { mode: 'borrow' }>; record: PatronRecord }
  | { mode: 'register'; offer: RegistrationOffer }
  | { mode: 'newCard'; view: SignedInPatron }
  | { mode: 'return'; returns: CheckinResult[] }
  | { mode: 'receipt'; receipt: Receipt };

type CardRequest = { method: 'card' | 'manual'; card: string };

/** Refusals that mean "this card needs its PIN": the PIN screen opens (or stays, after a wrong one). */
const ASKS_FOR_PIN = new Set(['resident_pin_required', 'resident_pin_wrong']);

interface Settings {
  idleSeconds: number;
  countdownSeconds: number;
}

export function CirculationScreen({ info }: { info: SystemInfo }) {
  const api = useApi();
  const say = useAudioPrompt();
  const { t, i18n } = useTranslation('circulation');
  const [state, setState] = useState<State>({ mode: 'start' });
  const [problem, setProblem] = useState<(Problem & { item?: string }) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [settings, setSettings] = useState<Settings>({ idleSeconds: 60, countdownSeconds: 10 });
  const stateRef = useRef(state);
  stateRef.current = state;
  // Scans are handled one after another, so two quick scans never race each other.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    api.call('circulation.settings', {}).then(setSettings, () => undefined);
  }, [api]);

  const fail = useCallback((error: unknown, item?: string) => {
    setNotice(null);
    setProblem({ ...describeProblem(error, t, i18n.language), ...(item ? { item } : {}) });
  }, [t, i18n.language]);

  const run = useCallback((task: () => Promise<void>) => {
    queue.current = queue.current.then(async () => {
      setBusy(true);
      try {
        await task();
      } finally {
        setBusy(false);
      }
    });
    return queue.current;
  }, []);

  const reset = useCallback(() => {
    clearSignedInResident();
    setState({ mode: 'start' });
    setProblem(null);
    setNotice(null);
  }, []);

  const idle = useIdle({
    active: state.mode !== 'start',
    idleSeconds: settings.idleSeconds,
    countdownSeconds: settings.countdownSeconds,
    onTimeout: () => {
      reset();
      navigate('home');
    },
  });

  const signIn = useCallback(
    (request: CardRequest | { method: 'cccd'; qr: string }, pin?: string) =>
      run(async () => {
        try {
          const result = await api.call('circulation.signIn', request.method === 'cccd' || pin === undefined ? request : { ...request, pin });
          setProblem(null);
          setNotice(null);
          if (result.kind === 'register') {
            clearSignedInResident();
            setState({ mode: 'register', offer: result });
          } else {
            setSignedInResident(result.patron.cardNumber, result.residentToken);
            setState({ mode: 'borrow', view: result, session: [], showLoans: false });
            // A book they reserved is back: say so first, with the last day it is kept.
            const ready = result.holds.filter((h) => h.status === 'ready');
            if (ready.length > 0) {
              setNotice(t('holds.readyNotice', { titles: ready.map((h) => `"${h.title}"`).join(', '), date: formatDay(ready[0]!.readyUntil!), count: ready.length }));
            }
          }
        } catch (error) {
          const reason = error instanceof ApiCallError ? error.error.reason : undefined;
          if (request.method !== 'cccd' && reason && ASKS_FOR_PIN.has(reason)) {
            setState({ mode: 'pin', request });
            // The first ask is the PIN screen itself; a wrong PIN is said above it.
            if (reason === 'resident_pin_required') {
              setProblem(null);
              setNotice(null);
            } else fail(error);
            return;
          }
          if (stateRef.current.mode === 'pin') setState({ mode: 'start' });
          fail(error);
        }
      }),
    [api, run, fail, t],
  );

  const showMyData = () =>
    run(async () => {
      const current = stateRef.current;
      if (current.mode !== 'borrow') return;
      try {
        const record = await api.call('rights.myRecord', { residentToken: current.view.residentToken });
        setProblem(null);
        setNotice(null);
        setState({ mode: 'myData', back: current, record });
      } catch (error) {
        fail(error);
      }
    });

  const lend = useCallback(
    (item: string) =>
      run(async () => {
        const current = stateRef.current;
        if (current.mode !== 'borrow') return;
        try {
          const loan = await api.call('circulation.checkout', { residentToken: current.view.residentToken, item });
          setProblem(null);
          setNotice(t('borrow.lent', { title: loan.title, date: formatDay(loan.dueDate) }));
          // Borrowing a reserved title fulfils the hold: the core's list says which are left.
          const holds = current.view.holds.length > 0 ? (await api.call('circulation.loans', { residentToken: current.view.residentToken })).holds : current.view.holds;
          setState((s) =>
            s.mode !== 'borrow'
              ? s
              : {
                  ...s,
                  session: s.session.some((l) => l.loanId === loan.loanId) ? s.session : [...s.session, loan],
                  view: { ...s.view, holds, loans: s.view.loans.some((l) => l.loanId === loan.loanId) ? s.view.loans : [...s.view.loans, loan] },
                },
          );
        } catch (error) {
          fail(error, item);
        }
      }),
    [api, run, fail, t],
  );

  const giveBack = useCallback(
    (item: string) =>
      run(async () => {
        try {
          const result = await api.call('circulation.checkin', { item });
          setProblem(null);
          setNotice(null);
          if (result.flag === 'reserved') say('reservedReturn');
          setState((s) => {
            const returns = s.mode === 'return' ? s.returns : [];
            return { mode: 'return', returns: returns.some((r) => r.item === result.item) ? returns : [...returns, result] };
          });
        } catch (error) {
          fail(error, item);
        }
      }),
    [api, run, fail, say],
  );

  /** The book in hand is recorded as lent to someone else: return it, then lend it to this resident. */
  const returnThenLend = useCallback(
    (item: string) => {
      let returned = false;
      return run(async () => {
        try {
          await api.call('circulation.checkin', { item });
          returned = true;
        } catch (error) {
          fail(error, item);
        }
      }).then(() => (returned ? lend(item) : undefined));
    },
    [api, run, fail, lend],
  );

  const onScan = useCallback(
    (scan: ScanEvent) => {
      idle.touch();
      const mode = stateRef.current.mode;
      if (mode === 'register' || mode === 'receipt' || mode === 'myData') return;
      if (scan.kind === 'card') {
        const current = stateRef.current;
        if (current.mode === 'borrow' && current.view.patron.cardNumber === scan.text.trim().toUpperCase()) return;
        void signIn({ method: 'card', card: scan.text });
      } else if (scan.kind === 'cccd') {
        void signIn({ method: 'cccd', qr: scan.text });
      } else if (scan.kind === 'isbn') {
        setNotice(null);
        setProblem({ reason: 'isbn_scanned', headline: t('errors.isbn_scanned'), detail: t('advice.isbn_scanned'), params: {} });
      } else if (scan.kind === 'item' || scan.kind === 'unknown') {
        if (mode === 'borrow') void lend(scan.text);
        else if (mode !== 'pin') void giveBack(scan.text);
      }
    },
    [idle, signIn, lend, giveBack, t],
  );
  useScan(onScan);

  // Only the scan that opened this screen (taken once); later ones arrive through useScan.
  const handedOff = useRef(takeHandedOffScan());
  useEffect(() => {
    const handed = handedOff.current;
    handedOff.current = undefined;
    if (handed) onScan(handed);
  }, [onScan]);

  const finish = (kind: 'checkout' | 'return', items: string[], residentToken?: string) =>
    run(async () => {
      if (items.length === 0) {
        reset();
        return;
      }
      try {
        const receipt = residentToken ? await api.call('circulation.receipt', { residentToken, items }) : await api.call('circulation.returnReceipt', { items });
        setProblem(null);
        setNotice(null);
        setState({ mode: 'receipt', receipt });
      } catch (error) {
        fail(error);
      } finally {
        // Finishing the visit signs the resident out of the kiosk, receipt or not.
        clearSignedInResident();
      }
    });

  const renewLoan = (loan: LoanView) =>
    run(async () => {
      const current = stateRef.current;
      if (current.mode !== 'borrow') return;
      try {
        const renewed = await api.call('circulation.renew', { residentToken: current.view.residentToken, item: loan.item });
        setProblem(null);
        setNotice(t('loans.renewed', { title: renewed.title, date: formatDay(renewed.dueDate) }));
        setState((s) => (s.mode !== 'borrow' ? s : { ...s, view: { ...s.view, loans: s.view.loans.map((l) => (l.loanId === renewed.loanId ? renewed : l)) } }));
      } catch (error) {
        fail(error);
      }
    });

  const cancelHold = (hold: HoldView) =>
    run(async () => {
      const current = stateRef.current;
      if (current.mode !== 'borrow') return;
      try {
        const holds = await api.call('circulation.cancelHold', { residentToken: current.view.residentToken, holdId: hold.holdId });
        setProblem(null);
        setNotice(t('holds.cancelled', { title: hold.title }));
        setState((s) => (s.mode !== 'borrow' ? s : { ...s, view: { ...s.view, holds } }));
      } catch (error) {
        fail(error);
      }
    });

  const register = (offer: RegistrationOffer, village: string | null, pin: string | undefined) =>
    run(async () => {
      try {
        const view = await api.call('circulation.register', { registrationToken: offer.registrationToken, consent: true, village, ...(pin ? { pin } : {}) });
        setProblem(null);
        setSignedInResident(view.patron.cardNumber, view.residentToken);
        setState({ mode: 'newCard', view });
      } catch (error) {
        fail(error);
        if (error instanceof ApiCallError && error.error.reason === 'registration_expired') setState({ mode: 'start' });
      }
    });

  const offerReturn = problem?.reason === 'on_loan_elsewhere' && problem.params.offerReturn === true && problem.item && state.mode === 'borrow';

  return (
    <ScreenFrame title={t('title')}>
      <div className="circ" aria-busy={busy}>
        {problem && <ProblemBanner problem={problem} onReturnFirst={offerReturn ? () => void returnThenLend(problem.item!) : undefined} />}
        <Banner kind="success" text={notice} />
        {state.mode === 'start' && <Start onCard={(card) => void signIn({ method: 'manual', card })} onReturn={(item) => void giveBack(item)} />}
        {state.mode === 'pin' && (
          <PinEntry card={state.request.card.trim().toUpperCase()} busy={busy} onSubmit={(pin) => void signIn(state.request, pin)} onCancel={reset} />
        )}
        {state.mode === 'myData' && <MyData record={state.record} onBack={() => setState(state.back)} />}
        {state.mode === 'register' && <Consent offer={state.offer} busy={busy} onAgree={(village, pin) => void register(state.offer, village, pin)} onDecline={reset} />}
        {state.mode === 'newCard' && (
          <section className="circ-newcard" aria-labelledby="newcard-title">
            <h2 id="newcard-title">{t('card.welcome', { name: state.view.patron.displayName })}</h2>
            <p>{t('card.number', { card: state.view.patron.cardNumber })}</p>
            {state.view.patron.status === 'pending' && <p className="banner warning">{t('card.pending')}</p>}
            <LibraryCard patron={state.view.patron} name={state.view.patron.displayName} libraryName={info.libraryName} />
            <div className="circ-actions">
              <button type="button" className="button secondary" onClick={() => window.print()}>
                {t('card.print')}
              </button>
              <button type="button" className="button" onClick={() => setState({ mode: 'borrow', view: state.view, session: [], showLoans: false })}>
                {t('card.continue')}
              </button>
            </div>
          </section>
        )}
        {state.mode === 'borrow' && (
          <Borrow
            state={state}
            busy={busy}
            onItem={(item) => void lend(item)}
            onRenew={(loan) => void renewLoan(loan)}
            onCancelHold={(hold) => void cancelHold(hold)}
            onToggleLoans={() => setState({ ...state, showLoans: !state.showLoans })}
            onMyData={() => void showMyData()}
            onFinish={() => void finish('checkout', state.session.map((l) => l.item), state.view.residentToken)}
          />
        )}
        {state.mode === 'return' && (
          <section aria-labelledby="return-title">
            <h2 id="return-title">{t('return.title')}</h2>
            <ReservedNotice returns={state.returns} />
            <p>{state.returns.some((r) => r.flag === 'reserved') ? t('return.promptReserved') : t('return.prompt')}</p>
            <ul className="circ-list" aria-label={t('return.listLabel')}>
              {state.returns.map((r) => (
                <li key={r.item} data-item={r.item} className={r.shelf === 'staff' ? 'staff-shelf' : undefined}>
                  <span className="circ-title">{r.title}</span>
                  <span className="circ-barcode">{r.item}</span>
                  <span className="circ-due">{r.overdueDays > 0 ? t('return.late', { count: r.overdueDays }) : t('return.onTime')}</span>
                  <span className="circ-shelf">{r.flag ? t(`return.flag.${r.flag}`) : t('return.openShelf')}</span>
                </li>
              ))}
            </ul>
            <ManualEntry id="return-item" label={t('return.manualLabel')} hint={t('return.manualHint')} submitLabel={t('return.manualSubmit')} onSubmit={(item) => void giveBack(item)} />
            <div className="circ-actions">
              <button type="button" className="button" onClick={() => void finish('return', state.returns.map((r) => r.item))}>
                {t('return.finish')}
              </button>
            </div>
          </section>
        )}
        {state.mode === 'receipt' && (
          <ReceiptView
            receipt={state.receipt}
            onDone={() => {
              reset();
              navigate('home');
            }}
          />
        )}
      </div>
      {idle.secondsLeft !== null && <IdleCountdown secondsLeft={idle.secondsLeft} onStay={idle.touch} />}
    </ScreenFrame>
  );
}

function Start({ onCard, onReturn }: { onCard: (card: string) => void; onReturn: (item: string) => void }) {
  const { t } = useTranslation('circulation');
  return (
    <div className="circ-start">
      <section aria-labelledby="start-borrow">
        <h2 id="start-borrow">{t('start.borrowTitle')}</h2>
        <p>{t('start.borrowPrompt')}</p>
        <ManualEntry id="manual-card" label={t('start.cardLabel')} hint={t('start.cardHint')} submitLabel={t('start.cardSubmit')} onSubmit={onCard} />
      </section>
      <section aria-labelledby="start-return">
        <h2 id="start-return">{t('start.returnTitle')}</h2>
        <p>{t('start.returnPrompt')}</p>
        <ManualEntry id="manual-return" label={t('return.manualLabel')} hint={t('return.manualHint')} submitLabel={t('return.manualSubmit')} onSubmit={onReturn} />
      </section>
    </div>
  );
}

function Borrow(props: {
  state: Extract<State, { mode: 'borrow' }>;
  busy: boolean;
  onItem: (item: string) => void;
  onRenew: (loan: LoanView) => void;
  onCancelHold: (hold: HoldView) => void;
  onToggleLoans: () => void;
  onMyData: () => void;
  onFinish: () => void;
}) {
  const { t } = useTranslation('circulation');
  const { view, session, showLoans } = props.state;
  const overdue = view.loans.filter((l) => l.overdueDays > 0).length;
  return (
    <section aria-labelledby="borrow-title">
      <div className="circ-patron" data-card-signed-in={view.patron.cardNumber}>
        <h2 id="borrow-title">{t('borrow.hello', { name: view.patron.displayName })}</h2>
        <p>
          {t('borrow.summary', { card: view.patron.cardNumber, count: view.loans.length, max: view.maxLoans, expiry: formatDay(view.patron.cardExpiry) })}
        </p>
        {overdue > 0 && <p className="banner warning">{t('borrow.overdueWarning', { count: overdue })}</p>}
        {!view.standing.canBorrow && (
          <p className="banner error" role="alert">
            {view.standing.message}
          </p>
        )}
      </div>
      {/* A card that cannot borrow is told once, above; no "scan each book" invitation to a second refusal. */}
      {!showLoans && view.standing.canBorrow && (
        <>
          <p className="circ-prompt">{t('borrow.prompt')}</p>
          <h3>{t('borrow.sessionTitle')}</h3>
          {session.length === 0 ? (
            <p className="circ-empty">{t('borrow.sessionEmpty')}</p>
          ) : (
            <ul className="circ-list" aria-label={t('borrow.sessionTitle')}>
              {session.map((loan) => (
                <li key={loan.loanId} data-item={loan.item}>
                  <span className="circ-title">{loan.title}</span>
                  <span className="circ-barcode">{loan.item}</span>
                  <span className="circ-due">{t('loans.due', { date: formatDay(loan.dueDate) })}</span>
                </li>
              ))}
            </ul>
          )}
          <ManualEntry id="borrow-item" label={t('borrow.manualLabel')} hint={t('borrow.manualHint')} submitLabel={t('borrow.manualSubmit')} onSubmit={props.onItem} />
        </>
      )}
      {showLoans && (
        <>
          <h3>{t('loans.title')}</h3>
          <LoanList loans={view.loans} onRenew={props.onRenew} busy={props.busy} />
          <h3>{t('holds.title')}</h3>
          <HoldList holds={view.holds} onCancel={props.onCancelHold} busy={props.busy} />
        </>
      )}
      <div className="circ-actions">
        <button type="button" className="button secondary" onClick={props.onToggleLoans}>
          {showLoans ? t('borrow.backToBorrow') : view.holds.length > 0 ? t('borrow.myLoansAndHolds', { count: view.loans.length, holds: view.holds.length }) : t('borrow.myLoans', { count: view.loans.length })}
        </button>
        <button type="button" className="button secondary" onClick={props.onMyData}>
          {t('myData.open')}
        </button>
        <button type="button" className="button" onClick={props.onFinish}>
          {session.length > 0 ? t('borrow.finishWithReceipt') : t('borrow.signOut')}
        </button>
      </div>
    </section>
  );
}
