import { Link } from 'react-router';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyState } from '../ui/status.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Not found" />
      <EmptyState title="This page doesn’t exist">
        <Link to="/">Go to your home timeline</Link>
      </EmptyState>
    </>
  );
}
