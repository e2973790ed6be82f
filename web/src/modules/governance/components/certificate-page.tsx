import { useParams } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { PageHeader } from '../../../shared/ui/page-header.tsx';
import { Loading, PageError } from '../../../shared/ui/status.tsx';
import { useVerifiedCertificate } from '../hooks/use-certification.ts';

/** `/certificates/:id`: anyone verifies a certificate: holder, brand, dates, valid or expired, nothing else. */
export function CertificatePage() {
  const { id = '' } = useParams();
  const cert = useVerifiedCertificate(id);
  if (cert.isPending) return <Loading />;
  if (cert.error) return <PageError error={cert.error} notFoundTitle="No such certificate" />;
  const c = cert.data;
  return (
    <div className="certificate-page" data-testid="certificate-page">
      <PageHeader title="Certificate" />
      <section className={`panel certificate-status ${c.valid ? 'is-valid' : 'is-expired'}`}>
        <p className="certificate-verdict" data-testid="certificate-verdict">
          {c.valid ? 'Valid' : 'Expired'}
        </p>
        <p>
          <strong>{c.holder.name || `@${c.holder.handle}`}</strong> (@{c.holder.handle}) passed the social
          policy course of <strong>{c.brand.name || `@${c.brand.handle}`}</strong> (@{c.brand.handle}).
        </p>
        <p className="small muted">
          Issued {formatDate(c.issuedAt)} · {c.valid ? 'valid until' : 'expired on'} {formatDate(c.expiresAt)}
        </p>
      </section>
    </div>
  );
}
