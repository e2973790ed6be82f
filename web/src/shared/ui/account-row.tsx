import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AccountSummary } from '../api/types.ts';
import { KindLabel, VerifiedMark } from './account-badges.tsx';
import { Avatar } from './avatar.tsx';

type AccountRowProps = { account: AccountSummary; trailing?: ReactNode; size?: number };

/** Avatar, name and handle of one account, linking to its profile. */
export function AccountRow({ account, trailing, size = 40 }: AccountRowProps) {
  return (
    <div className="account-row">
      <Link to={`/@${account.handle}`} className="account-row-link">
        <Avatar account={account} size={size} />
        <span className="account-row-names">
          <span className="account-row-name">
            <span className="truncate">{account.name}</span>
            {account.verified && <VerifiedMark />}
            <KindLabel kind={account.kind} />
          </span>
          <span className="handle">@{account.handle}</span>
        </span>
      </Link>
      {trailing && <div className="account-row-trailing">{trailing}</div>}
    </div>
  );
}
