import { ErrorBanner, Loading } from '../../../shared/ui/status.tsx';
import type { IntentModelStatus } from '../api/intent-model.api.ts';
import { useIntentModel, useRetrainIntentModel } from '../hooks/use-intent-model.ts';

const pct = (share: number) => `${(100 * share).toFixed(1)}%`;

function Figures({ model }: { model: NonNullable<IntentModelStatus['model']> }) {
  const m = model.metrics;
  return (
    <dl className="intent-model-figures">
      <dt>Trained</dt>
      <dd>
        <time dateTime={model.trainedAt}>{new Date(model.trainedAt).toLocaleString()}</time> from{' '}
        {model.correctionsUsed} corrections
      </dd>
      <dt>
        {m.evaluation === 'held_out' ? `On ${m.evaluatedOn} held-out corrections` : 'On its corrections'}
      </dt>
      <dd data-testid="intent-model-corrections">
        shipped {pct(m.correctionsBefore)} → this brand {pct(m.correctionsAfter)}
        {m.evaluation === 'training_fit' && (
          <span className="muted"> (too few to hold any out, so these are the ones it learnt from)</span>
        )}
      </dd>
      <dt>Check set</dt>
      <dd title={m.guard.set}>
        shipped {pct(m.guard.shipped)} → this brand {pct(m.guard.brand)}{' '}
        <span className="muted">({m.guard.size} messages the shipped model never trained on)</span>
      </dd>
    </dl>
  );
}

/** Owners and admins: which intent model triages the brand's messages, and a button to learn from corrections. */
export function IntentModelPanel({ handle }: { handle: string }) {
  const status = useIntentModel(handle);
  const retrain = useRetrainIntentModel(handle);
  return (
    <section
      className="intent-model-panel"
      data-testid="intent-model-panel"
      aria-labelledby="intent-model-title"
    >
      <div className="intent-model-head">
        <h2 id="intent-model-title">Intent model</h2>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={retrain.isPending || status.isPending}
          onClick={() => retrain.mutate()}
        >
          {retrain.isPending ? 'Retraining…' : 'Retrain now'}
        </button>
      </div>
      {status.isPending ? (
        <Loading />
      ) : status.error ? (
        <ErrorBanner error={status.error} />
      ) : (
        <>
          <p className="small" data-testid="intent-model-using">
            {status.data.using === 'brand'
              ? 'New messages are triaged with this brand’s own model, learnt from its agents’ corrections.'
              : 'New messages are triaged with the shipped model.'}{' '}
            <span className="muted">{status.data.correctionsAvailable} corrected messages so far.</span>
          </p>
          {status.data.model && !status.data.model.current && (
            <p className="small muted">
              The shipped model was updated since the last retrain: retrain to use corrections again.
            </p>
          )}
          {status.data.model && <Figures model={status.data.model} />}
        </>
      )}
      <ErrorBanner error={retrain.error} />
    </section>
  );
}
