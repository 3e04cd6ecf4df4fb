/** The worker's answers to the inspector part of the protocol (messaging/inspector-protocol.ts). */
import type { InspectorReplies } from '../../messaging/inspector-protocol';
import { ActionError, type UiHandlers } from '../../messaging/router';
import type { HeaderRules } from './header-rules-service';
import type { RequestLog } from './request-log';
import type { SessionTools } from './session-tools';

export type InspectorHandlers = Pick<UiHandlers, keyof InspectorReplies>;

export interface InspectorHandlerDeps {
  log: RequestLog;
  sessions: SessionTools;
  headerRules: HeaderRules;
  isUnlocked: () => Promise<boolean>;
}

export function createInspectorHandlers(d: InspectorHandlerDeps): InspectorHandlers {
  return {
    'inspector/log': ({ after }) => d.log.list(after),
    'inspector/reveal': async ({ seq }) => {
      // The lock empties the log anyway; this keeps a reveal from racing it.
      if (!(await d.isUnlocked())) {
        throw new ActionError('VAULT_LOCKED', 'Unlock the vault to reveal what the log holds.');
      }
      return d.log.reveal(seq);
    },
    'inspector/clear': async () => {
      await d.log.clear();
      return null;
    },
    'sessions/close-channel': ({ id }) => d.sessions.closeChannel(id),
    'sessions/export': ({ id, format }) => d.sessions.export(id, format),
    'header-rules/list': () => d.headerRules.list(),
    'header-rules/set': ({ profileId, enabled }) => d.headerRules.set(profileId, enabled),
  };
}
