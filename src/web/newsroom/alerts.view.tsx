import type { NewsroomAlert } from "./alerts.ts";

/** What a staff member has to see to on the page they land on (the desk home, the comment queue). */
export function NewsroomAlerts({ alerts }: { alerts: readonly NewsroomAlert[] | undefined }) {
  if (!alerts?.length) return null;
  return (
    <ul class="nr-alerts" aria-label="확인할 일">
      {alerts.map((a) => (
        <li key={a.code} class={`nr-alert nr-alert--${a.level}`} data-code={a.code}>
          <a href={a.href}>{a.message}</a>
        </li>
      ))}
    </ul>
  );
}
