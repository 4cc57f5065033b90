import { createRoot } from 'react-dom/client';
import { RedactApp } from '../../components/redact/RedactApp.tsx';

createRoot(document.getElementById('root')!).render(<RedactApp />);
