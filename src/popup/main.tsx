import { render } from 'preact';
import { loadMessages } from '../shared/i18n';
import { App } from './App';

void loadMessages().then(() => render(<App />, document.getElementById('app')!));
