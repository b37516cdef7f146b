// The circulation visit as a state machine, apart from how it looks: who is signed in (or returning,
// registering, typing a PIN, reading their own record, holding a receipt), what the last action said,
// and the actions a screen or a scan can take. Scans run one after another, so two quick scans never
// race; the idle rule ends a visit nobody is at any more.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinResult, HoldView, LoanView, Receipt, SignedInPatron } from '#contract/circulation';
import type { ScanEvent } from '#contract/devices';
import type { PatronRecord } from '#contract/rights';
import { useAudioPrompt } from '../../a11y/audio';
import { ApiCallError } from '../../api/client';
import { useApi } from '../../api/context';
import { useScan } from '../../devices/ScanProvider';
import { clearSignedInResident, setSignedInResident } from '../../session/signed-in-resident';
import { useScreenIdleRule } from '../../session/ResidentIdle';
import { formatDay } from '../../../../common/calendar';
import type { RegistrationOffer } from './Consent';
import { takeHandedOffScan } from './handoff';
import { describeProblem, type Problem } from './problem';

export type State =
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

export function useCirculation() {
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

  const fail = useCallback(
    (error: unknown, item?: string) => {
      setNotice(null);
      setProblem({ ...describeProblem(error, t, i18n.language), ...(item ? { item } : {}) });
      say('askStaff');
    },
    [t, i18n.language, say],
  );

  // Each step says what to do next, aloud while the resident's speaker switch is on.
  const sayStep = useEffectEvent((mode: State['mode']) => {
    if (mode === 'start') say('scanCard');
    else if (mode === 'borrow') say('scanBook');
    else if (mode === 'receipt') say('goodbye');
  });
  useEffect(() => sayStep(state.mode), [state.mode]);

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

  // Signed in (or mid-way through a return, a registration, a receipt), the visit keeps the
  // circulation idle time; at the start the resident screens' one rule applies (session/ResidentIdle).
  const { touch } = useScreenIdleRule(state.mode === 'start' ? {} : { idleSeconds: settings.idleSeconds, countdownSeconds: settings.countdownSeconds });

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
              setNotice(
                t('holds.readyNotice', { titles: ready.map((h) => `"${h.title}"`).join(', '), date: formatDay(ready[0]!.readyUntil!), count: ready.length }),
              );
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
          say('checkoutDone');
          // Borrowing a reserved title fulfils the hold: the core's list says which are left.
          const holds =
            current.view.holds.length > 0 ? (await api.call('circulation.loans', { residentToken: current.view.residentToken })).holds : current.view.holds;
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
    [api, run, fail, t, say],
  );

  const giveBack = useCallback(
    (item: string) =>
      run(async () => {
        try {
          const result = await api.call('circulation.checkin', { item });
          setProblem(null);
          setNotice(null);
          say(result.flag === 'reserved' ? 'reservedReturn' : 'returnDone');
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
      touch();
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
    [touch, signIn, lend, giveBack, t],
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
        const receipt = residentToken
          ? await api.call('circulation.receipt', { residentToken, items })
          : await api.call('circulation.returnReceipt', { items });
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

  /** Between borrowing and the resident's loans: what was said of the other view goes with it. */
  const toggleLoans = (current: Extract<State, { mode: 'borrow' }>) => {
    setNotice(null);
    setProblem(null);
    setState({ ...current, showLoans: !current.showLoans });
  };

  return {
    toggleLoans,
    state,
    setState,
    problem,
    notice,
    busy,
    reset,
    signIn,
    showMyData,
    lend,
    giveBack,
    returnThenLend,
    finish,
    renewLoan,
    cancelHold,
    register,
  };
}
