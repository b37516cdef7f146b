// Renderer entry: pick the transport (Electron bridge or browser-mode WebSocket), load the
// texts, and render the kiosk.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { defaultTransport } from './api/transport';
import { App } from './App';
import { ScanProvider } from './devices/ScanProvider';
import { initI18n } from './i18n';
import { ResidentSessionProvider } from './a11y/ResidentSession';
import { AnnouncerProvider } from './components/Announcer';
import './styles/fonts.css';
import './styles/app.css';

const client = createApiClient(defaultTransport());
await initI18n('vi');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider client={client}>
      <ScanProvider>
        <ResidentSessionProvider>
          <AnnouncerProvider>
            <App />
          </AnnouncerProvider>
        </ResidentSessionProvider>
      </ScanProvider>
    </ApiProvider>
  </StrictMode>,
);
