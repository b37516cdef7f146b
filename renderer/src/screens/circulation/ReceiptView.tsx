// The receipt at the end of a checkout or return: printed silently in Electron when a printer is
// configured, and always shown here as a QR code and as text.
import { useTranslation } from 'react-i18next';
import type { Receipt } from '#contract/circulation';
import { QrCode } from './QrCode';

export function ReceiptView({ receipt, onDone }: { receipt: Receipt; onDone: () => void }) {
  const { t } = useTranslation('circulation');
  return (
    <section className="circ-receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{receipt.kind === 'checkout' ? t('receipt.titleCheckout') : t('receipt.titleReturn')}</h2>
      <p role="status">{receipt.printed ? t('receipt.printed') : t('receipt.notPrinted')}</p>
      <div className="circ-receipt-body">
        <QrCode text={receipt.text} label={t('receipt.qrLabel')} />
        <pre data-testid="receipt-text">{receipt.text}</pre>
      </div>
      <div className="circ-actions action-bar">
        <button type="button" className="button" onClick={onDone}>
          {t('receipt.done')}
        </button>
      </div>
    </section>
  );
}
