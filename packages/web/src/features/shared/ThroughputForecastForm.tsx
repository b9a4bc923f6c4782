import type { ReactNode } from 'react';
import { ThroughputFields, type FormSectionProps, type ThroughputForm } from './Inputs';
import { CalendarSection } from './CalendarSection';
import type { CalendarForm } from './calendar';
import { RunFooter, type RunFooterPage } from './RunFooter';

/**
 * The form of a throughput-driven forecast (How many, Deadline): the team's throughput first,
 * then the page's own fields, then the calendar, the run settings and the run button.
 */
export function ThroughputForecastForm<
  F extends ThroughputForm & CalendarForm & { runs: string },
  R,
>({ page, children }: { page: FormSectionProps<F> & RunFooterPage<R>; children: ReactNode }) {
  const { form, update, errors, id } = page;
  return (
    <>
      <ThroughputFields form={form} update={update} errors={errors} id={id} />
      {children}
      <CalendarSection form={form} update={update} errors={errors} id={id} />
      <RunFooter page={page} />
    </>
  );
}
