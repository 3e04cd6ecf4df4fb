import { startWorker } from '../src/worker/start';

export default defineBackground(() => {
  startWorker();
});
