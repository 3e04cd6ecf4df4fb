/**
 * `npm run emulator -- --port N --mailbox-port M [--production] [--koodrive-numeric-code]`
 * (providers.md §6): prints one line once listening and stops cleanly on SIGINT / SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './server';

function port(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} must be a port number`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'mailbox-port': { type: 'string' },
      production: { type: 'boolean', default: false },
      'koodrive-numeric-code': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const emulator = await startEmulator({
    port: port(values.port, 8787, '--port'),
    mailboxPort: port(values['mailbox-port'], 8025, '--mailbox-port'),
    production: values.production,
    koodriveNumericCode: values['koodrive-numeric-code'],
  });
  process.stdout.write(`emulator: auth ${emulator.url} mailbox ${emulator.mailboxUrl}\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A bug in one handler must not take the whole emulator down for the other tests using it.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`emulator: unhandled rejection: ${String(reason)}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
