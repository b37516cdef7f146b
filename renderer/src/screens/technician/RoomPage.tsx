// Technician page "Phòng đọc nhiều máy" (issue #18): what `kiosk room …` does, from the screen. A
// single PC is made the room's hub (it starts serving at once) or paired with a hub by the one-time
// code shown there; a hub that announces itself on the LAN (mDNS) is found with one button, so the
// technician need not know its address. On the hub: a pairing code for the next PC, and the PCs of the
// room, each of which can be revoked. A paired PC calls the hub from its next start, and the page says so.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { foundHub, RoomStatusView } from '#contract/room';
import type { z } from 'zod';
import { apiErrorText } from '../../api/error-text'; // i18n-keys: errors.*
import { useApi } from '../../api/context';
import { useLoad } from '../../api/useLoad';
import { Banner } from '../../components/Banner';
import { FieldError } from '../../components/FieldError';
import { useFormat } from '../../i18n/format';

type Outcome = { kind: 'success' | 'error'; text: string } | null;

export function RoomPage({ staffToken }: { staffToken: string }) {
  const api = useApi();
  const { t, i18n } = useTranslation('technician');
  // Vietnamese screens show the core's own sentence, which names the address, PC or port concerned.
  const wording = { language: i18n.language };
  const loaded = useLoad<RoomStatusView>(() => api.call('room.status', { staffToken }), [api, staffToken]);
  const [shown, setShown] = useState<RoomStatusView | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const status = shown ?? loaded.value;

  /** Runs one action; its answer replaces the status shown, and its outcome is said in a sentence. */
  const perform = async (work: () => Promise<{ status: RoomStatusView; said: string }>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const { status: next, said } = await work();
      setShown(next);
      setOutcome({ kind: 'success', text: said });
    } catch (error) {
      setOutcome({ kind: 'error', text: apiErrorText(t, error, 'errors.unavailable', wording) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="room-page">
      <Banner kind={outcome?.kind ?? 'success'} text={outcome?.text} />
      {loaded.error !== undefined && !status && <Banner kind="error" text={apiErrorText(t, loaded.error, 'errors.unavailable', wording)} />}
      {status && <RoomFacts status={status} />}
      {status?.role === 'standalone' && (
        <div className="room-choices">
          <MakeHubForm
            busy={busy}
            onSubmit={(request) => void perform(async () => ({ status: await api.call('room.makeHub', { staffToken, ...request }), said: t('room.hubMade') }))}
          />
          <JoinForm
            busy={busy}
            find={async () => (await api.call('room.find', { staffToken })).hubs}
            onSubmit={(request) =>
              void perform(async () => {
                const next = await api.call('room.join', { staffToken, ...request });
                return { status: next, said: t('room.joined', { pcId: next.pcId, name: request.name, host: next.hub?.host, port: next.hub?.port }) };
              })
            }
          />
        </div>
      )}
      {status?.role === 'hub' && <HubPanel status={status} staffToken={staffToken} busy={busy} perform={perform} />}
    </div>
  );
}

function RoomFacts({ status }: { status: RoomStatusView }) {
  const { t } = useTranslation('technician');
  return (
    <section aria-labelledby="room-this-pc">
      <h2 id="room-this-pc">{t('room.thisPc')}</h2>
      <p data-testid="room-role">
        {status.role === 'standalone' && t('room.standalone')}
        {status.role === 'hub' && t('room.hub', { roomId: status.roomId })}
        {status.role === 'kiosk' && t('room.kiosk', { pcId: status.pcId, host: status.hub?.host, port: status.hub?.port })}
      </p>
      {status.role === 'hub' &&
        (status.serving ? (
          <p data-testid="room-serving">
            {t(status.listen?.on === 'lan' ? 'room.servingLan' : 'room.servingLoopback', {
              callPort: status.serving.callPort,
              pairingPort: status.serving.pairingPort,
            })}
            {status.listen?.mdns && ` ${t('room.mdnsOn')}`}
          </p>
        ) : (
          <p className="banner warning" role="status">
            {t('room.notServing')}
          </p>
        ))}
    </section>
  );
}

function MakeHubForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (request: { listen: 'lan' | 'loopback'; port: number; pairingPort: number; mdns: boolean }) => void;
}) {
  const { t } = useTranslation('technician');
  const [listen, setListen] = useState<'lan' | 'loopback'>('lan');
  const [mdns, setMdns] = useState(true);
  const [port, setPort] = useState('47310');
  const [pairingPort, setPairingPort] = useState('47311');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [callPort, codePort] = [port, pairingPort].map((text) => (/^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : NaN));
    if (!(callPort! <= 65535 && codePort! <= 65535)) {
      setProblem(t('room.portProblem'));
      return;
    }
    setProblem(null);
    onSubmit({ listen, port: callPort!, pairingPort: codePort!, mdns });
  };
  return (
    <form className="room-form" aria-labelledby="room-make-hub" onSubmit={submit} noValidate>
      <h2 id="room-make-hub">{t('room.makeHubTitle')}</h2>
      <p>{t('room.makeHubLead')}</p>
      <fieldset>
        <legend>{t('room.listenLegend')}</legend>
        <label>
          <input type="radio" name="room-listen" checked={listen === 'lan'} onChange={() => setListen('lan')} /> {t('room.listenLan')}
        </label>
        <label>
          <input type="radio" name="room-listen" checked={listen === 'loopback'} onChange={() => setListen('loopback')} /> {t('room.listenLoopback')}
        </label>
      </fieldset>
      {listen === 'lan' && (
        <label className="check">
          <input type="checkbox" checked={mdns} onChange={(event) => setMdns(event.target.checked)} /> {t('room.mdns')}
        </label>
      )}
      <div className="row">
        <label className="field">
          <span>{t('room.port')}</span>
          <input inputMode="numeric" value={port} onChange={(event) => setPort(event.target.value)} maxLength={5} />
        </label>
        <label className="field">
          <span>{t('room.pairingPort')}</span>
          <input inputMode="numeric" value={pairingPort} onChange={(event) => setPairingPort(event.target.value)} maxLength={5} />
        </label>
      </div>
      <p className="hint">{t('room.portHint')}</p>
      <FieldError id="room-port-error" text={problem} />
      <button type="submit" className="button" disabled={busy}>
        {t('room.makeHub')}
      </button>
    </form>
  );
}

type FoundHub = z.infer<typeof foundHub>;

function JoinForm({
  busy,
  find,
  onSubmit,
}: {
  busy: boolean;
  find: () => Promise<FoundHub[]>;
  onSubmit: (request: { address: string; code: string; name: string }) => void;
}) {
  const { t } = useTranslation('technician');
  const [address, setAddress] = useState('');
  // null: not looked yet; 'looking' while the page listens for announcements (a few seconds).
  const [found, setFound] = useState<FoundHub[] | 'looking' | null>(null);
  const look = async () => {
    setFound('looking');
    try {
      setFound(await find());
    } catch {
      setFound([]);
    }
  };
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!address.trim() || !code.trim() || !name.trim()) {
      setProblem(t('room.joinMissing'));
      return;
    }
    setProblem(null);
    onSubmit({ address: address.trim(), code: code.trim(), name: name.trim() });
  };
  return (
    <form className="room-form" aria-labelledby="room-join" onSubmit={submit} noValidate>
      <h2 id="room-join">{t('room.joinTitle')}</h2>
      <p>{t('room.joinLead')}</p>
      <div className="row">
        <button type="button" className="button secondary" disabled={busy || found === 'looking'} onClick={() => void look()}>
          {t(found === 'looking' ? 'room.finding' : 'room.find')}
        </button>
      </div>
      {Array.isArray(found) &&
        (found.length === 0 ? (
          <p className="hint" role="status">
            {t('room.foundNone')}
          </p>
        ) : (
          <ul className="room-found" aria-label={t('room.foundLabel')}>
            {found.map((hub) => (
              <li key={`${hub.roomId}@${hub.host}:${hub.callPort}`}>
                <button type="button" className="button secondary" onClick={() => setAddress(`${hub.host}:${hub.pairingPort}`)}>
                  {t('room.foundHub', { roomId: hub.roomId, host: hub.host, port: hub.pairingPort })}
                </button>
              </li>
            ))}
          </ul>
        ))}
      <label className="field">
        <span>{t('room.address')}</span>
        <input
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          placeholder="192.168.1.10:47311"
          autoComplete="off"
          spellCheck={false}
          maxLength={260}
        />
      </label>
      <label className="field">
        <span>{t('room.code')}</span>
        <input value={code} onChange={(event) => setCode(event.target.value)} placeholder="ABCD-EF23" autoComplete="off" spellCheck={false} maxLength={20} />
      </label>
      <label className="field">
        <span>{t('room.name')}</span>
        <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('room.namePlaceholder')} autoComplete="off" maxLength={60} />
      </label>
      <FieldError id="room-join-error" text={problem} />
      <button type="submit" className="button" disabled={busy}>
        {t('room.join')}
      </button>
    </form>
  );
}

function HubPanel(props: {
  status: RoomStatusView;
  staffToken: string;
  busy: boolean;
  perform: (work: () => Promise<{ status: RoomStatusView; said: string }>) => Promise<void>;
}) {
  const { status, staffToken, busy, perform } = props;
  const api = useApi();
  const { t } = useTranslation(['technician', 'staff']);
  const format = useFormat();
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [revoking, setRevoking] = useState<number | null>(null);
  return (
    <>
      <section aria-labelledby="room-pair">
        <h2 id="room-pair">{t('room.pairTitle')}</h2>
        <p>{t('room.pairLead')}</p>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void perform(async () => {
              const issued = await api.call('room.pairCode', { staffToken });
              setCode(issued);
              return { status, said: t('room.codeMade') };
            })
          }
        >
          {t('room.makeCode')}
        </button>
        {code && (
          <div className="room-code" data-testid="room-code">
            <p className="room-code-value">{code.code}</p>
            <p>{t('room.codeUse', { time: format.time(code.expiresAt), port: status.serving?.pairingPort ?? status.listen?.pairingPort })}</p>
          </div>
        )}
      </section>
      <section aria-labelledby="room-pcs">
        <h2 id="room-pcs">{t('room.pcsTitle')}</h2>
        {status.pcs.length === 0 ? (
          <p>{t('room.noPcs')}</p>
        ) : (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t('room.pcNumber')}</th>
                <th scope="col">{t('room.pcName')}</th>
                <th scope="col">{t('room.pcPaired')}</th>
                <th scope="col">{t('room.pcSeen')}</th>
                <th scope="col">{t('room.pcActivity')}</th>
                <th scope="col">{t('room.pcState')}</th>
              </tr>
            </thead>
            <tbody>
              {status.pcs.map((pc) => (
                <tr key={pc.id} data-pc={pc.id}>
                  <td>{pc.id}</td>
                  <td>{pc.name}</td>
                  <td>{format.dateTime(pc.pairedAt)}</td>
                  <td>{pc.lastSeenAt ? format.dateTime(pc.lastSeenAt) : t('room.never')}</td>
                  {/* i18n-keys: staff:console.states.* */}
                  <td>{pc.activity ? t(`staff:console.states.${pc.activity}`) : '—'}</td>
                  <td>
                    {pc.state === 'revoked' ? (
                      t('room.revokedOn', { date: format.dateTime(pc.revokedAt!) })
                    ) : revoking === pc.id ? (
                      <span className="row" style={{ margin: 0 }}>
                        <span>{t('room.revokeConfirm', { name: pc.name })}</span>
                        <button
                          type="button"
                          className="button danger"
                          disabled={busy}
                          onClick={() =>
                            void perform(async () => {
                              setRevoking(null);
                              return { status: await api.call('room.revoke', { staffToken, pcId: pc.id }), said: t('room.revoked', { name: pc.name }) };
                            })
                          }
                        >
                          {t('room.revokeYes')}
                        </button>
                        <button type="button" className="button quiet" onClick={() => setRevoking(null)}>
                          {t('room.revokeNo')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="button secondary" onClick={() => setRevoking(pc.id)}>
                        {t('room.revoke', { name: pc.name })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
