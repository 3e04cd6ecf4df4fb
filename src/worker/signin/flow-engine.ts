/**
 * The sign-in flow engine (issue 4, design.md "The sign-in flow engine"): one flow at a time,
 * its record in storage.session, every transition stored before the reply.
 *
 *   start ─► step ─┬─ auto-fill (at most once per step instance) ─► next step ─┐
 *                  └─ waits for the user ─ advance(input) ─► next step ────────┤
 *                                                                              ▼
 *        done (session stored, backup code marked) | pending-approval | error | waiting step
 *
 * A worker stop between any two transitions loses nothing: the record is the whole state, and
 * `autoSeq` is stored before an auto-filled input goes out, so it never goes out twice.
 */
import type { FlowInput, FlowView, LoginMode } from '../../messaging/signin-protocol';
import { ActionError } from '../../messaging/router';
import { generateCode } from '../../otp';
import type { FlowStep } from '../../providers/flow';
import type { VaultService, ValueStore } from '../vault-service';
import { decideAutoFill, type AutoFillDecision } from './auto-fill';
import type { ClientHash } from './client-hash';
import {
  autoFillFacts,
  backupCodeInUse,
  loadFlowContext,
  nextBackupCode,
  prepareInput,
  type FlowContext,
} from './flow-context';
import {
  parseFlowRecord,
  keepableStep,
  retryAtOf,
  toFlowView,
  withBackupCodeUsed,
  type FlowRecord,
} from './flow-record';
import { waitForMailedCode, type MailboxWait } from './mailbox-code';
import type { ProfilesService } from './profiles-service';
import type { ProviderAccess } from './provider-access';
import type { SessionsService } from './sessions-service';

export interface FlowEngineDeps {
  store: ValueStore<FlowRecord>;
  vault: VaultService;
  profiles: ProfilesService;
  clientHash: ClientHash;
  sessions: SessionsService;
  access: ProviderAccess;
  newId: () => string;
  mailbox?: Omit<MailboxWait, 'fetch' | 'now'>;
}

/** A bound on auto-fills per message; each step instance is filled once anyway. */
const MAX_AUTO_FILLS = 8;

type Entry = FlowView['autoFilled'][number];

const isWaiting = (step: FlowStep): step is Extract<FlowStep, { state: unknown }> =>
  'state' in step;
const isSentMethod = (step: FlowStep) =>
  step.step === 'code' && (step.method === 'EMAIL' || step.method === 'SMS');

export function createFlowEngine(d: FlowEngineDeps) {
  const now = () => d.access.now();
  let queue: Promise<unknown> = Promise.resolve();
  /** One flow operation at a time within a worker life (a double click, a poll during advance). */
  function exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function requireUnlocked(): Promise<void> {
    if ((await d.vault.state()) !== 'unlocked') {
      throw new ActionError('VAULT_LOCKED', 'Unlock the vault to sign in: tokens are kept in it.');
    }
  }

  /** Stores the record; a lock in the meantime wins, and the flow is gone. */
  async function save(record: FlowRecord): Promise<FlowRecord> {
    await requireUnlocked();
    await d.store.setValue(record);
    return record;
  }

  async function load(flowId: string): Promise<FlowRecord> {
    const record = parseFlowRecord(await d.store.getValue());
    if (record?.flowId !== flowId) {
      throw new ActionError('FLOW_NOT_FOUND', 'This sign-in is no longer running. Start again.');
    }
    return record;
  }

  const context = (profileId: string) => loadFlowContext(profileId, d);

  /** After an accepted sign-in: the session, and the backup code marked in the same write. */
  async function finish(
    record: FlowRecord,
    next: FlowStep,
    backup: { accountId: string; code: string } | null,
  ) {
    const markUsed =
      backup === null
        ? undefined
        : (c: Parameters<typeof withBackupCodeUsed>[0]) => withBackupCodeUsed(c, backup, now());
    if (next.step === 'done')
      return (await d.sessions.add(record.profileId, next.tokens, markUsed)).id;
    if (next.step === 'pending-approval' && markUsed) {
      await d.vault.update((c) => ({ contents: markUsed(c), result: null }));
    }
    return undefined;
  }

  /** One transition through the adapter, stored before it returns. */
  async function submit(record: FlowRecord, ctx: FlowContext, input: FlowInput, note?: Entry) {
    const step = record.step;
    if (!isWaiting(step)) throw new ActionError('FLOW_FINISHED', 'This sign-in has ended.');
    const prepared = prepareInput(step, input, ctx);
    const backup = backupCodeInUse(step, input, ctx);
    const sentAt = now();
    const next = await ctx.adapter.advance(ctx.target, step.state, prepared.input);
    const sessionId = await finish(record, next, backup);
    const movedOn = next.step !== 'credentials' && next.step !== 'error';
    if (prepared.remember !== null && movedOn) {
      await d.profiles.rememberPassword(record.profileId, prepared.remember);
    }
    const entry: Entry | undefined =
      note ??
      (prepared.usedSavedPassword ? { step: 'credentials', source: 'saved-password' } : undefined);
    const codeSent =
      isSentMethod(next) && !('error' in next && next.error) && input.kind !== 'code';
    const updated: FlowRecord = {
      ...record,
      step: keepableStep(next),
      seq: record.seq + 1,
      autoFilled: entry ? [...record.autoFilled, entry] : record.autoFilled,
      ...(prepared.input.kind === 'credentials' ? { login: prepared.input.identifier.trim() } : {}),
      ...(codeSent ? { codeSentAt: sentAt } : {}),
    };
    delete updated.retryAt;
    const retryAt = retryAtOf(next, now());
    if (retryAt !== undefined) updated.retryAt = retryAt;
    if (sessionId !== undefined) updated.sessionId = sessionId;
    return save(updated);
  }

  /** The input an auto-fill decision stands for, or null when it has nothing after all. */
  async function materialise(decision: AutoFillDecision, record: FlowRecord, ctx: FlowContext) {
    switch (decision.step) {
      case 'credentials':
        return { kind: 'credentials', identifier: ctx.profile.identifier } as const;
      case 'choose-method':
        return { kind: 'choose-method', method: decision.method } as const;
      case 'send-code':
        return { kind: 'send-code' } as const;
      case 'code':
        return codeInput(decision.source, record, ctx);
    }
  }

  async function codeInput(
    source: 'vault-totp' | 'backup-code' | 'mailbox',
    record: FlowRecord,
    ctx: FlowContext,
  ) {
    let code: string | null = null;
    if (source === 'vault-totp' && ctx.linked) code = generateCode(ctx.linked, now());
    else if (source === 'backup-code') code = nextBackupCode(ctx.linked);
    else if (source === 'mailbox' && ctx.profile.mailboxUrl !== undefined) {
      code = await waitForMailedCode(
        ctx.profile.mailboxUrl,
        {
          to: record.login ?? ctx.profile.identifier,
          since: record.codeSentAt ?? record.startedAt,
        },
        { ...d.mailbox, fetch: d.access.fetch, now },
      );
    }
    return code === null ? null : ({ kind: 'code', code } as const);
  }

  async function autoFill(start: FlowRecord, startCtx: FlowContext): Promise<FlowRecord> {
    let record = start;
    let ctx = startCtx;
    for (let i = 0; i < MAX_AUTO_FILLS; i++) {
      if (!isWaiting(record.step) || record.autoSeq === record.seq) return record;
      const decision = decideAutoFill(record.step, autoFillFacts(ctx));
      if (decision === null) return record;
      const input = await materialise(decision, record, ctx);
      if (input === null) return record;
      record = await save({ ...record, autoSeq: record.seq });
      const note: Entry = { step: decision.step, source: decision.source };
      if (decision.step !== 'credentials') note.method = decision.method;
      record = await submit(record, ctx, input, note);
      if (decision.step === 'code') ctx = await context(record.profileId); // codes were used
    }
    return record;
  }

  return {
    start: (profileId: string, mode?: LoginMode) =>
      exclusive(async () => {
        await requireUnlocked();
        const ctx = await context(profileId);
        const first = await ctx.adapter.start(
          ctx.target,
          mode === undefined ? undefined : { mode },
        );
        const record = await save({
          flowId: d.newId(),
          profileId,
          family: ctx.profile.family,
          startedAt: now(),
          step: first,
          seq: 0,
          autoFilled: [],
        });
        return toFlowView(await autoFill(record, ctx));
      }),

    advance: (flowId: string, input: FlowInput) =>
      exclusive(async () => {
        await requireUnlocked();
        const record = await load(flowId);
        const ctx = await context(record.profileId);
        return toFlowView(await autoFill(await submit(record, ctx, input), ctx));
      }),

    /** The running flow; an auto-fill a stopped worker had not got to yet is made now. */
    current: () =>
      exclusive(async (): Promise<FlowView | null> => {
        const record = parseFlowRecord(await d.store.getValue());
        if (record === null) return null;
        const pending = isWaiting(record.step) && record.autoSeq !== record.seq;
        if (!pending || (await d.vault.state()) !== 'unlocked') return toFlowView(record);
        return toFlowView(await autoFill(record, await context(record.profileId)));
      }),

    cancel: (flowId: string) =>
      exclusive(async () => {
        const record = parseFlowRecord(await d.store.getValue());
        if (record?.flowId === flowId) await d.store.removeValue();
        return null;
      }),

    /** A deleted profile takes its running flow with it. */
    cancelForProfile: (profileId: string) =>
      exclusive(async () => {
        const record = parseFlowRecord(await d.store.getValue());
        if (record?.profileId === profileId) await d.store.removeValue();
      }),

    /** Lock: the flow (with its adapter state) goes. */
    clear: () => d.store.removeValue(),
  };
}

export type FlowEngine = ReturnType<typeof createFlowEngine>;
