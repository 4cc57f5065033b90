import '../../components/theme.css';
import { createRoot } from 'react-dom/client';
import { RedactApp } from '../../components/redact/RedactApp.tsx';
import { browserPlatform } from '../../platform/browser.ts';

createRoot(document.getElementById('root')!).render(<RedactApp platform={browserPlatform()} />);
