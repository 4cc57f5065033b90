import '../../components/theme.css';
import './style.css';
import { createRoot } from 'react-dom/client';
import { FindingsPopup } from '../../components/FindingsPopup.tsx';

createRoot(document.getElementById('root')!).render(<FindingsPopup />);
