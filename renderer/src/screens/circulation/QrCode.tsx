// A QR code of a text (the receipt), so a resident can keep it on their phone instead of paper.
import QRCode from 'qrcode';
import { useLoad } from '../../api/useLoad';

export function QrCode({ text, label }: { text: string; label: string }) {
  const { value: src, error, loading } = useLoad(() => QRCode.toDataURL(text, { errorCorrectionLevel: 'L', margin: 2, width: 260 }), [text]);
  // Never the code of an earlier receipt while this one's is drawn.
  if (error !== undefined || loading) return null;
  return src ? <img src={src} alt={label} width={260} height={260} data-testid="receipt-qr" /> : null;
}
