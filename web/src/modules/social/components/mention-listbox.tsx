import type { AccountSummary } from '../../../shared/api/types.ts';
import { KindLabel, VerifiedMark } from '../../../shared/ui/account-badges.tsx';
import { Avatar } from '../../../shared/ui/avatar.tsx';

type MentionListboxProps = {
  id: string;
  options: AccountSummary[];
  activeIndex: number;
  onHover: (index: number) => void;
  onPick: (account: AccountSummary) => void;
};

export const mentionOptionId = (listId: string, index: number) => `${listId}-${index}`;

/** The accounts @-autocomplete offers under the compose box; the textarea owns focus (aria-activedescendant). */
export function MentionListbox({ id, options, activeIndex, onHover, onPick }: MentionListboxProps) {
  return (
    <div
      id={id}
      role="listbox"
      aria-label="Accounts to mention"
      className="mention-list"
      data-testid="mention-list"
    >
      {options.map((account, index) => (
        <div
          key={account.id}
          id={mentionOptionId(id, index)}
          role="option"
          tabIndex={-1}
          aria-selected={index === activeIndex}
          className="mention-option"
          data-testid="mention-option"
          // Keep focus (and the caret) in the textarea while picking with a pointer.
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => onHover(index)}
          onClick={() => onPick(account)}
          onKeyDown={() => undefined}
        >
          <Avatar account={account} size={32} />
          <span className="mention-names">
            <span className="mention-name">
              <span className="truncate">{account.name}</span>
              {account.verified && <VerifiedMark />}
              <KindLabel kind={account.kind} />
            </span>
            <span className="handle">@{account.handle}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
