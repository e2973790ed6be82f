import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The centered card around the sign-in and sign-up forms. */
export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <Link to="/" className="brand auth-brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span>Souk</span>
        </Link>
        <h1>{title}</h1>
        <p className="muted">{subtitle}</p>
        {children}
        <p className="auth-footer">{footer}</p>
      </div>
    </main>
  );
}
