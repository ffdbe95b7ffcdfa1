import { metrics } from '@opentelemetry/api';
import { metricsExporter } from '@tradeflow/platform';

/** What came of one carrier call: a label, another try later, or the last try refused (LABEL_FAILED). */
export type LabelAttemptOutcome = 'labelled' | 'retrying' | 'failed';
const OUTCOMES: readonly LabelAttemptOutcome[] = ['labelled', 'retrying', 'failed'];

// The meter provider behind /metrics exists before the counter is made, also in a service started without telemetry.
metricsExporter();
const attempts = metrics
  .getMeter('tradeflow.shipping')
  .createCounter('tradeflow.label_attempts', { description: 'Carrier label calls whose result was applied, by outcome' });
// Every outcome from 0, so the first refused label is an increase an alert sees (LabelsFailing).
for (const outcome of OUTCOMES) attempts.add(0, { outcome });

/** `tradeflow_label_attempts_total{outcome}`. */
export const countLabelAttempt = (outcome: LabelAttemptOutcome): void => attempts.add(1, { outcome });
