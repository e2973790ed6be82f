/** A small count on a navigation link (unread notifications, pending invitations); nothing at zero. */
export function CountBadge({ count, testId, label }: { count: number; testId: string; label: string }) {
  if (count <= 0) return null;
  return (
    <>
      <span className="count-badge" data-testid={testId} aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
      <span className="visually-hidden">
        {count} {label}
      </span>
    </>
  );
}
