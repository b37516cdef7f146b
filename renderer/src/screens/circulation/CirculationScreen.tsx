// The self-service circulation screen. Not signed in: scan a book to return it, or a library card /
// CCCD to sign in. Signed in: each scanned book is lent at once and listed with its due date; "my
// loans" can be renewed; a receipt ends the visit. Idle sessions end by themselves.
import { useTranslation } from 'react-i18next';
import type { HoldView, LoanView } from '#contract/circulation';
import type { SystemInfo } from '#contract/system';
import { Banner } from '../../components/Banner';
import { ScreenFrame } from '../../components/ScreenFrame';
import { navigate } from '../../router';
import { Consent } from './Consent';
import { LibraryCard } from './LibraryCard';
import { MyData } from './MyData';
import { HoldList, LoanList, ManualEntry, ProblemBanner, ReservedNotice } from './parts';
import { PinEntry } from './PinEntry';
import { ReceiptView } from './ReceiptView';
import { formatDay } from '../../../../common/calendar';
import { useCirculation, type State } from './useCirculation';
import './circulation.css';

export function CirculationScreen({ info }: { info: SystemInfo }) {
  const { t } = useTranslation('circulation');
  // The state is read here; what residents do goes through `act` (useCirculation's actions).
  const act = useCirculation();
  const { state, setState, problem, notice, busy } = act;
  const offerReturn = problem?.reason === 'on_loan_elsewhere' && problem.params.offerReturn === true && problem.item && state.mode === 'borrow';

  return (
    <ScreenFrame title={t('title')}>
      <div className="circ" aria-busy={busy}>
        {problem && <ProblemBanner problem={problem} onReturnFirst={offerReturn ? () => void act.returnThenLend(problem.item!) : undefined} />}
        <Banner kind="success" text={notice} />
        {state.mode === 'start' && <Start onCard={(card) => void act.signIn({ method: 'manual', card })} onReturn={(item) => void act.giveBack(item)} />}
        {state.mode === 'pin' && (
          <PinEntry card={state.request.card.trim().toUpperCase()} busy={busy} onSubmit={(pin) => void act.signIn(state.request, pin)} onCancel={act.reset} />
        )}
        {state.mode === 'myData' && <MyData record={state.record} onBack={() => setState(state.back)} />}
        {state.mode === 'register' && (
          <Consent offer={state.offer} busy={busy} onAgree={(village, pin) => void act.register(state.offer, village, pin)} onDecline={act.reset} />
        )}
        {state.mode === 'newCard' && (
          <section className="circ-newcard" aria-labelledby="newcard-title">
            <h2 id="newcard-title">{t('card.welcome', { name: state.view.patron.displayName })}</h2>
            <p>{t('card.number', { card: state.view.patron.cardNumber })}</p>
            {state.view.patron.status === 'pending' && <p className="banner warning">{t('card.pending')}</p>}
            <LibraryCard patron={state.view.patron} name={state.view.patron.displayName} libraryName={info.libraryName} />
            <div className="circ-actions action-bar">
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
            onItem={(item) => void act.lend(item)}
            onRenew={(loan) => void act.renewLoan(loan)}
            onCancelHold={(hold) => void act.cancelHold(hold)}
            onToggleLoans={() => act.toggleLoans(state)}
            onMyData={() => void act.showMyData()}
            onFinish={() =>
              void act.finish(
                'checkout',
                state.session.map((l) => l.item),
                state.view.residentToken,
              )
            }
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
            <ManualEntry
              id="return-item"
              label={t('return.manualLabel')}
              hint={t('return.manualHint')}
              submitLabel={t('return.manualSubmit')}
              onSubmit={(item) => void act.giveBack(item)}
            />
            <div className="circ-actions action-bar">
              <button
                type="button"
                className="button"
                onClick={() =>
                  void act.finish(
                    'return',
                    state.returns.map((r) => r.item),
                  )
                }
              >
                {t('return.finish')}
              </button>
            </div>
          </section>
        )}
        {state.mode === 'receipt' && (
          <ReceiptView
            receipt={state.receipt}
            onDone={() => {
              act.reset();
              navigate('home');
            }}
          />
        )}
      </div>
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
        <ManualEntry
          id="manual-return"
          label={t('return.manualLabel')}
          hint={t('return.manualHint')}
          submitLabel={t('return.manualSubmit')}
          onSubmit={onReturn}
        />
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
      <div className={showLoans ? 'circ-patron compact' : 'circ-patron'} data-card-signed-in={view.patron.cardNumber}>
        <h2 id="borrow-title">{t('borrow.hello', { name: view.patron.displayName })}</h2>
        <p>{t('borrow.summary', { card: view.patron.cardNumber, count: view.loans.length, max: view.maxLoans, expiry: formatDay(view.patron.cardExpiry) })}</p>
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
          <ManualEntry
            id="borrow-item"
            label={t('borrow.manualLabel')}
            hint={t('borrow.manualHint')}
            submitLabel={t('borrow.manualSubmit')}
            onSubmit={props.onItem}
          />
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
      <div className="circ-actions action-bar">
        <button type="button" className="button secondary" onClick={props.onToggleLoans}>
          {showLoans
            ? t('borrow.backToBorrow')
            : view.holds.length > 0
              ? t('borrow.myLoansAndHolds', { count: view.loans.length, holds: view.holds.length })
              : t('borrow.myLoans', { count: view.loans.length })}
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
