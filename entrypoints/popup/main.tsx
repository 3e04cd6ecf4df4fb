import { render } from 'preact';

render(<p>Authdeck</p>, document.getElementById('app') as HTMLElement);
