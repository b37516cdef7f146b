// A QR code of a text (the receipt), so a resident can keep it on their phone instead of paper.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function QrCode({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'L', margin: 2, width: 260 }).then(
      (url) => !cancelled && setSrc(url),
      () => !cancelled && setSrc(undefined),
    );
    return () => {
      cancelled = true;
    };
  }, [text]);
  return src ? <img src={src} alt={label} width={260} height={260} data-testid="receipt-qr" /> : null;
}
