import '../../components/theme.css';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '../../components/OptionsPage.tsx';

createRoot(document.getElementById('root')!).render(<OptionsPage />);
