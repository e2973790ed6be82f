import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { AddressBook, PurchaseSharingSetting } from '../../commerce/index.ts';
import { NotificationSettings } from '../../notifications/index.ts';
import { useMe } from '../hooks/use-me.ts';
import { useUpdateProfile } from '../hooks/use-settings.ts';
import { AccountPanel } from './account-panel.tsx';
import { ProfileForm } from './profile-form.tsx';
import { SecurityPanel } from './security-panel.tsx';
import { TokensPanel } from './tokens-panel.tsx';

export function SettingsPage() {
  const me = useMe().data;
  const update = useUpdateProfile();
  if (!me) return null;
  return (
    <>
      <PageHeader title="Settings" />
      <section className="panel" aria-labelledby="settings-profile">
        <h2 id="settings-profile">Profile</h2>
        <p className="muted small">
          Signed in as {me.email} · @{me.account.handle}
        </p>
        <ProfileForm initial={me.account} mutation={update} />
      </section>
      <section className="panel" aria-labelledby="settings-security">
        <h2 id="settings-security">Security</h2>
        <SecurityPanel me={me} />
      </section>
      <section className="panel" aria-labelledby="settings-notifications">
        <h2 id="settings-notifications">Notifications</h2>
        <NotificationSettings />
      </section>
      <section className="panel" aria-labelledby="settings-addresses">
        <h2 id="settings-addresses">Shipping addresses</h2>
        <AddressBook />
      </section>
      <section className="panel" aria-labelledby="settings-purchases">
        <h2 id="settings-purchases">Purchases</h2>
        <PurchaseSharingSetting />
      </section>
      <section className="panel" aria-labelledby="settings-tokens">
        <h2 id="settings-tokens">API tokens</h2>
        <TokensPanel />
      </section>
      <section className="panel" aria-labelledby="settings-account">
        <h2 id="settings-account">Account</h2>
        <AccountPanel />
      </section>
    </>
  );
}
