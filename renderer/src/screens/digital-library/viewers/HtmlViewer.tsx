// A self-contained HTML page from a pack, in a sandboxed frame: no scripts, no same-origin access,
// and the file itself is served with a CSP that loads nothing from the network.
import { useTranslation } from 'react-i18next';

export function HtmlViewer({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation('eresources');
  return <iframe className="html-frame" src={url} title={t('viewer.htmlFrame', { title })} sandbox="" referrerPolicy="no-referrer" />;
}
