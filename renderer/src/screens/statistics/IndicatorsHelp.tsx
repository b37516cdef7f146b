// The indicators' definitions and counting rules (docs/indicators.md, bundled at build time) shown
// on the staff reports page in the staff member's language. Loaded only when asked for, so the
// markdown renderer costs nothing to a kiosk that never opens it. Residents never reach this page.
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import doc from '../../../../docs/indicators.md?raw';
import { docSection } from './doc-section';

export default function IndicatorsHelp({ language }: { language: string }) {
  return (
    <div className="stats-help" data-testid="indicators-help" lang={language === 'vi' ? 'vi' : 'en'}>
      <Markdown remarkPlugins={[remarkGfm]}>{docSection(doc, language)}</Markdown>
    </div>
  );
}
