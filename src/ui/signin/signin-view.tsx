/**
 * The popup's Sign in tab: the profiles, or the running flow when there is one. The worker keeps
 * the flow across popup closes and worker stops, so the view asks `signin/current` on open.
 *
 *   open ─▶ profiles/list + signin/current ─┬─ null ──▶ picker ── Sign in ──▶ panel
 *                                           └─ flow ─────────────────────────▶ panel
 *   panel ── Cancel / Close ──▶ picker        panel ── done ── Open Sessions ──▶ Sessions tab
 */
import { useEffect, useState } from 'preact/hooks';
import type { FlowView, ProfileView } from '../../messaging/signin-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { FlowPanel } from './flow-panel';
import { ProfilePicker } from './profile-picker';

export interface SignInViewProps {
  /** False when reached from the tab bar: focus stays on the tab. */
  autoFocus: boolean;
  onOpenSessions: () => void;
  onManageProfiles: () => Promise<void>;
}

interface Current {
  flow: FlowView;
  revision: number;
}

export function SignInView({ autoFocus, onOpenSessions, onManageProfiles }: SignInViewProps) {
  const { send, t } = useUi();
  const [profiles, setProfiles] = useState<ProfileView[] | null>(null);
  const [current, setCurrent] = useState<Current | null>(null);
  const show = (flow: FlowView | null) => {
    setCurrent((c) => (flow === null ? null : { flow, revision: (c?.revision ?? 0) + 1 }));
  };
  const load = useAction(async () => {
    const [list, flow] = await Promise.all([send('profiles/list', {}), send('signin/current', {})]);
    setProfiles(list);
    setCurrent(flow === null ? null : { flow, revision: 0 });
  });
  const start = useAction(async (profile: ProfileView) => {
    show(await send('signin/start', { profileId: profile.id }));
  });
  const { run: runLoad } = load;
  useEffect(() => {
    void runLoad();
  }, [runLoad]);

  const manage = () => void onManageProfiles();
  return (
    <section class="view stack" aria-labelledby="signin-title">
      <h2 id="signin-title" class="visually-hidden">
        {t('signin_title')}
      </h2>
      <ErrorText text={load.error?.text ?? start.error?.text} />
      {profiles === null && load.busy ? (
        <p class="busy" role="status">
          {t('app_loading')}
        </p>
      ) : null}
      {current !== null ? (
        <FlowPanel
          flow={current.flow}
          revision={current.revision}
          profile={profiles?.find((p) => p.id === current.flow.profileId)}
          autoFocus={autoFocus}
          onFlow={show}
          onOpenSessions={onOpenSessions}
        />
      ) : profiles !== null ? (
        <ProfilePicker
          profiles={profiles}
          busy={start.busy}
          autoFocus={autoFocus}
          onStart={(profile) => void start.run(profile)}
          onManage={manage}
        />
      ) : null}
    </section>
  );
}
