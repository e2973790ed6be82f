import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ArrowLeftIcon } from './icons.tsx';

/** The sticky title bar of the main column, with an optional back button. */
export function PageHeader({
  title,
  back,
  children,
}: {
  title: ReactNode;
  back?: boolean;
  children?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <header className="page-header">
      {back && (
        <button type="button" className="icon-btn" onClick={() => navigate(-1)} aria-label="Back">
          <ArrowLeftIcon />
        </button>
      )}
      <h1>{title}</h1>
      {children && <div className="page-header-actions">{children}</div>}
    </header>
  );
}
