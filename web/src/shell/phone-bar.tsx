import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../modules/identity/index.ts';
import { LogoutIcon, MoreIcon } from '../shared/ui/icons.tsx';
import type { NavEntry } from '../shared/ui/workspace-tool.ts';

type PhoneBarItem = NavEntry;

const itemClass =
  (base: string) =>
  ({ isActive }: { isActive: boolean }) =>
    isActive ? `${base} active` : base;

function isOn(pathname: string, item: PhoneBarItem) {
  return pathname === item.to || (!item.end && item.to !== '/' && pathname.startsWith(`${item.to}/`));
}

/** The sheet "More" opens: the destinations the bar has no room for, then the account's actions. */
function MoreSheet({
  items,
  actions,
  onClose,
}: {
  items: PhoneBarItem[];
  actions?: ReactNode;
  onClose: () => void;
}) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="more-sheet-layer">
      <button
        type="button"
        className="more-sheet-backdrop"
        aria-label="Close"
        tabIndex={-1}
        onClick={onClose}
      />
      <div className="more-sheet" role="dialog" aria-modal="true" aria-label="More" data-testid="more-sheet">
        <div className="more-sheet-head">
          <h2>More</h2>
          <button ref={close} type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
            Close
          </button>
        </div>
        <ul className="more-sheet-list">
          {items.map((item) => (
            <li key={item.key}>
              <NavLink
                to={item.to}
                end={item.end}
                className={itemClass('more-sheet-item')}
                onClick={onClose}
                data-testid={`more-${item.key}`}
              >
                <span className="nav-icon">
                  {item.icon}
                  {item.badge}
                </span>
                <span className="truncate">{item.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
        {actions && <div className="more-sheet-actions">{actions}</div>}
      </div>
    </div>
  );
}

/**
 * The bottom bar on phones: at most four labelled destinations and "More", a sheet with the rest and the
 * account's actions, so that Log out is never one slip of the thumb away.
 */
export function PhoneBar({
  label,
  items,
  more,
  actions,
}: {
  label: string;
  items: PhoneBarItem[];
  more: PhoneBarItem[];
  actions?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const onClose = useCallback(() => setOpen(false), []);
  return (
    <>
      <nav className="phone-bar" aria-label={label} data-testid="phone-bar">
        {items.slice(0, 4).map((item) => (
          <NavLink
            key={item.key}
            to={item.to}
            end={item.end}
            className={itemClass('phone-bar-item')}
            data-testid={`tabbar-${item.key}`}
          >
            <span className="nav-icon">
              {item.icon}
              {item.badge}
            </span>
            <span className="phone-bar-label">{item.label}</span>
          </NavLink>
        ))}
        <button
          type="button"
          className={more.some((item) => isOn(pathname, item)) ? 'phone-bar-item active' : 'phone-bar-item'}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen(true)}
          data-testid="tabbar-more"
        >
          <span className="nav-icon">
            <MoreIcon />
          </span>
          <span className="phone-bar-label">More</span>
        </button>
      </nav>
      {open && <MoreSheet items={[...items.slice(4), ...more]} actions={actions} onClose={onClose} />}
    </>
  );
}

/** Log out, at the foot of the "More" sheet. */
export function LogoutAction() {
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <button
      type="button"
      className="more-sheet-item more-sheet-logout"
      data-testid="more-logout"
      onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
    >
      <span className="nav-icon">
        <LogoutIcon />
      </span>
      Log out
    </button>
  );
}
