import { Link } from 'react-router';
import { formatDate } from '../../../shared/format/date.ts';
import { useMyCertification } from '../hooks/use-certification.ts';

/**
 * Shown in a composer that writes as the brand before the writer types: the brand requires its policy course
 * and the writer has no valid certificate (the server refuses them the same way).
 */
export function CertificationNotice({ handle }: { handle: string | undefined }) {
  const mine = useMyCertification(handle);
  if (!handle || !mine.data?.required || mine.data.certified) return null;
  const expired = mine.data.certificate?.expiresAt;
  return (
    <div className="certification-notice" role="alert" data-testid="certification-required">
      <p>
        {expired
          ? `Your certificate on @${handle}'s social policy expired on ${formatDate(expired)}.`
          : `@${handle} asks everyone who writes as the brand to pass its social policy course first.`}
      </p>
      <Link className="btn btn-primary" to={mine.data.courseUrl} data-testid="certification-course-link">
        Take the course
      </Link>
    </div>
  );
}

/** True while the brand requires a certificate the viewer does not hold (the composer keeps Post disabled). */
export function useCertificationBlocks(handle: string | undefined) {
  const mine = useMyCertification(handle);
  return Boolean(handle && mine.data?.required && !mine.data.certified);
}
