import type { EventRow } from "../db/schema.ts";
import { formatKstLong } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { Registrant } from "./registration.repo.ts";
import { STATUS_LABELS, seatsLeft } from "./registration.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;
type FormError = { code: string; message: string } | null | undefined;

const base = (id: number) => `/newsroom/events/${id}`;

function ErrorLine({ error }: { error: FormError }) {
  return error ? (
    <p class="nr-error" role="alert" data-code={error.code}>
      {error.message}
    </p>
  ) : null;
}

export function EventsNewsroomPage(
  props: Base & {
    events: EventRow[];
    counts: Map<number, { confirmed: number; waitlisted: number }>;
  },
) {
  return (
    <NewsroomLayout {...props} title="행사" active="events">
      <div class="nr-head">
        <h1>행사</h1>
        <p class="nr-meta">
          참가 신청을 보고, 대기자를 옮기고, 입장을 확인합니다. <a href="/newsroom/events/new">새 행사</a>
        </p>
      </div>
      {props.events.length === 0 ? (
        <p class="nr-empty">아직 행사가 없습니다.</p>
      ) : (
        <table class="nr-table nr-events">
          <thead>
            <tr>
              <th scope="col">행사</th>
              <th scope="col">일시</th>
              <th scope="col">확정 / 정원</th>
              <th scope="col">대기</th>
              <th scope="col">신청</th>
              <th scope="col">
                <span class="nr-visually-hidden">작업</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => {
              const c = props.counts.get(e.id) ?? { confirmed: 0, waitlisted: 0 };
              return (
                <tr key={e.id}>
                  <td>
                    <a href={paths.event(e.key)} target="_blank" rel="noopener">
                      {e.title}
                    </a>
                  </td>
                  <td>{formatKstLong(e.starts_at)}</td>
                  <td>
                    {c.confirmed} / {e.capacity ?? "제한 없음"}
                  </td>
                  <td>{c.waitlisted}</td>
                  <td>{e.registration_open ? "받는 중" : "마감"}</td>
                  <td class="nr-actions">
                    <a href={`${base(e.id)}/edit`}>고치기</a>
                    <a href={`${base(e.id)}/registrations`}>신청자</a>
                    <a href={`${base(e.id)}/checkin`}>입장 확인</a>
                    <a href={`${base(e.id)}/registrations.csv`}>CSV</a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}

function MoveForm({
  event,
  reg,
  csrfToken,
}: {
  event: EventRow;
  reg: Registrant;
  csrfToken: string | undefined;
}) {
  const action = `${base(event.id)}/registrations/${reg.id}/move`;
  return (
    <form method="post" action={action} class="nr-inline-form">
      <Csrf token={csrfToken} />
      {reg.status !== "confirmed" ? (
        <>
          <button type="submit" name="to" value="confirmed" class="nr-button">
            확정으로
          </button>
          <label class="nr-check">
            <input type="checkbox" name="overbook" value="1" /> 정원 초과 허용
          </label>
        </>
      ) : null}
      {reg.status !== "waitlisted" ? (
        <button type="submit" name="to" value="waitlisted" class="nr-button">
          대기로
        </button>
      ) : null}
      {reg.status !== "cancelled" ? (
        <button type="submit" name="to" value="cancelled" class="nr-button nr-button--danger">
          취소
        </button>
      ) : null}
    </form>
  );
}

export function RegistrationsPage(
  props: Base & { event: EventRow; registrations: Registrant[]; error?: FormError },
) {
  const { event, registrations } = props;
  const confirmed = registrations.filter((r) => r.status === "confirmed").length;
  const left = seatsLeft(event.capacity, confirmed);
  return (
    <NewsroomLayout {...props} title={`${event.title} 신청자`} active="events">
      <div class="nr-head">
        <h1>{event.title} 신청자</h1>
        <p class="nr-meta">
          확정 {confirmed}명 · 대기 {registrations.filter((r) => r.status === "waitlisted").length}명
          {left !== null ? ` · 남은 자리 ${left}석` : ""} ·{" "}
          <a href={`${base(event.id)}/registrations.csv`}>CSV 내려받기</a> ·{" "}
          <a href={`${base(event.id)}/checkin`}>입장 확인</a>
        </p>
        <p class="nr-hint">
          정원이 찬 행사에서 ‘확정으로’는 ‘정원 초과 허용’을 고를 때만 됩니다. ‘대기로’ 옮긴 사람은 대기
          순서의 맨 뒤로 갑니다.
        </p>
      </div>
      <ErrorLine error={props.error} />
      {registrations.length === 0 ? (
        <p class="nr-empty">아직 신청자가 없습니다.</p>
      ) : (
        <table class="nr-table nr-registrations">
          <thead>
            <tr>
              <th scope="col">확인 번호</th>
              <th scope="col">이름</th>
              <th scope="col">이메일</th>
              <th scope="col">소속</th>
              <th scope="col">연락처</th>
              <th scope="col">상태</th>
              <th scope="col">신청 시각</th>
              <th scope="col">입장</th>
              <th scope="col">
                <span class="nr-visually-hidden">작업</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {registrations.map((r) => (
              <tr key={r.id} data-status={r.status}>
                <td>{r.confirmation_code}</td>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{r.organization ?? ""}</td>
                <td>{r.phone ?? ""}</td>
                <td>{STATUS_LABELS[r.status]}</td>
                <td>{formatKstLong(r.created_at)}</td>
                <td>{r.checked_in_at ? formatKstLong(r.checked_in_at).slice(-5) : ""}</td>
                <td>
                  <MoveForm event={event} reg={r} csrfToken={props.csrfToken} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}

/** At the door, on a phone: one search box, big buttons. */
export function CheckInPage(
  props: Base & { event: EventRow; q: string; results: Registrant[]; error?: FormError },
) {
  const { event, q, results } = props;
  return (
    <NewsroomLayout {...props} title={`${event.title} 입장 확인`} active="events">
      <div class="nr-checkin">
        <h1>{event.title} 입장 확인</h1>
        <form method="get" action={`${base(event.id)}/checkin`} class="nr-checkin__search" role="search">
          <label>
            <span>이름, 이메일 또는 확인 번호</span>
            <input name="q" type="search" value={q} maxLength={100} autoComplete="off" />
          </label>
          <button type="submit" class="nr-button">
            찾기
          </button>
        </form>
        <ErrorLine error={props.error} />
        {q && results.length === 0 ? <p class="nr-empty">찾는 신청자가 없습니다.</p> : null}
        <ul class="nr-checkin__list">
          {results.map((r) => (
            <li key={r.id} class="nr-checkin__item" data-status={r.status}>
              <p class="nr-checkin__who">
                <strong>{r.name}</strong> {r.organization ?? ""}
              </p>
              <p class="nr-meta">
                {r.confirmation_code} · {r.email} · {STATUS_LABELS[r.status]}
              </p>
              {r.status !== "confirmed" ? (
                <p class="nr-error">참가가 확정되지 않은 신청입니다.</p>
              ) : r.checked_in_at ? (
                <p class="nr-ok">입장 완료 {formatKstLong(r.checked_in_at).slice(-5)}</p>
              ) : (
                <form method="post" action={`${base(event.id)}/checkin/${r.id}`}>
                  <Csrf token={props.csrfToken} />
                  <input type="hidden" name="q" value={q} />
                  <button type="submit" class="nr-button nr-button--primary nr-checkin__button">
                    입장 확인
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </div>
    </NewsroomLayout>
  );
}

export type EventDraft = Partial<
  Record<
    | "key"
    | "title"
    | "startsAt"
    | "endsAt"
    | "venue"
    | "description"
    | "capacity"
    | "registrationOpen"
    | "promoted"
    | "speakers",
    string
  >
>;

/** Create (no `event`) or edit an event. Times are KST wall times (datetime-local). */
export function EventFormPage(
  props: Base & { event: EventRow | null; draft: EventDraft; error?: FormError },
) {
  const { event, draft: d } = props;
  const action = event ? base(event.id) : "/newsroom/events";
  return (
    <NewsroomLayout {...props} title={event ? `${event.title} 고치기` : "새 행사"} active="events">
      <div class="nr-head">
        <h1>{event ? `${event.title} 고치기` : "새 행사"}</h1>
        {event ? (
          <p class="nr-meta">
            <a href={paths.event(event.key)} target="_blank" rel="noopener">
              {paths.event(event.key)}
            </a>
          </p>
        ) : null}
      </div>
      <ErrorLine error={props.error} />
      <form method="post" action={action} class="nr-form nr-form--narrow">
        <Csrf token={props.csrfToken} />
        {event ? null : (
          <label>
            <span>주소 (영문 소문자, 숫자, -)</span>
            <input name="key" required maxLength={100} pattern="[a-z0-9\-]+" value={d.key ?? ""} />
          </label>
        )}
        <label>
          <span>제목</span>
          <input name="title" required maxLength={300} value={d.title ?? ""} />
        </label>
        <label>
          <span>시작 (한국 시각)</span>
          <input name="startsAt" type="datetime-local" required value={d.startsAt ?? ""} />
        </label>
        <label>
          <span>끝 (한국 시각, 선택)</span>
          <input name="endsAt" type="datetime-local" value={d.endsAt ?? ""} />
        </label>
        <label>
          <span>장소</span>
          <input name="venue" maxLength={300} value={d.venue ?? ""} />
        </label>
        <label>
          <span>소개 (HTML)</span>
          <textarea name="description" rows={8} maxLength={200_000}>
            {d.description ?? ""}
          </textarea>
        </label>
        <label>
          <span>정원 (비우면 제한 없음)</span>
          <input name="capacity" type="number" min={0} max={1_000_000} step={1} value={d.capacity ?? ""} />
        </label>
        <label>
          <span>연사 (인물 키를 쉼표로 구분, 보이는 순서대로)</span>
          <input name="speakers" maxLength={2000} value={d.speakers ?? ""} />
        </label>
        <label class="nr-check">
          <input type="checkbox" name="registrationOpen" value="1" checked={d.registrationOpen === "1"} />{" "}
          참가 신청 받기
        </label>
        <label class="nr-check">
          <input type="checkbox" name="promoted" value="1" checked={d.promoted === "1"} /> 사이트 상단 배너에
          알리기
        </label>
        <div class="nr-actions">
          <button type="submit" class="nr-button nr-button--primary">
            저장
          </button>
        </div>
      </form>
    </NewsroomLayout>
  );
}
