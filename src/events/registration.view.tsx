import type { RegistrationStatus } from "../db/schema.ts";
import { formatKstLong } from "../lib/kst-time.ts";
import { paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { Layout } from "../web/public/layout.tsx";
import type { EventView } from "./event.ts";
import {
  CONSENT_NOTICE,
  REGISTRATION_LIMITS,
  type RegistrationSummary,
  STATUS_LABELS,
} from "./registration.ts";

export interface RegistrationBoxProps {
  /** why registration is not possible (ended, closed), or null */
  closedMessage: string | null;
  seatsLeft: number | null;
  /** a refused submission: its message and what was typed */
  error?: { code: string; message: string } | null;
  draft?: Partial<Record<"name" | "email" | "organization" | "phone", string>>;
}

/** The registration form on the event page: works without JavaScript (a plain form post). */
export function RegistrationBox({ event, box }: { event: EventView; box: RegistrationBoxProps }) {
  const d = box.draft ?? {};
  return (
    <section class="event-register" id="register" aria-labelledby="register-title">
      <h2 id="register-title" class="box-title">
        참가 신청
      </h2>
      {box.closedMessage ? (
        <p class="event-register__closed">{box.closedMessage}</p>
      ) : (
        <form class="event-register__form" method="post" action={`${paths.event(event.key)}/registrations`}>
          {box.seatsLeft === 0 ? (
            <p class="event-register__full">정원이 찼습니다. 지금 신청하면 대기자로 등록됩니다.</p>
          ) : null}
          {box.error ? (
            <p class="event-register__error" role="alert" data-code={box.error.code}>
              {box.error.message}
            </p>
          ) : null}
          <label>
            <span>이름</span>
            <input
              name="name"
              required
              maxLength={REGISTRATION_LIMITS.name}
              autoComplete="name"
              value={d.name ?? ""}
            />
          </label>
          <label>
            <span>이메일</span>
            <input
              name="email"
              type="email"
              required
              maxLength={REGISTRATION_LIMITS.email}
              autoComplete="email"
              value={d.email ?? ""}
            />
          </label>
          <label>
            <span>소속</span>
            <input
              name="organization"
              maxLength={REGISTRATION_LIMITS.organization}
              autoComplete="organization"
              value={d.organization ?? ""}
            />
          </label>
          <label>
            <span>연락처 (선택)</span>
            <input
              name="phone"
              type="tel"
              maxLength={REGISTRATION_LIMITS.phone}
              autoComplete="tel"
              value={d.phone ?? ""}
            />
          </label>
          <div class="event-register__consent">
            <p>
              <strong>개인정보 수집·이용 안내</strong>
            </p>
            <ul>
              <li>수집 항목: {CONSENT_NOTICE.items}</li>
              <li>이용 목적: {CONSENT_NOTICE.purpose}</li>
              <li>보유 기간: {CONSENT_NOTICE.retention}</li>
            </ul>
            <p>{CONSENT_NOTICE.refusal}</p>
            <label class="event-register__check">
              <input type="checkbox" name="consent" value="1" required /> 개인정보 수집·이용에 동의합니다
              (필수)
            </label>
          </div>
          <button type="submit" class="event-register__submit">
            신청하기
          </button>
        </form>
      )}
    </section>
  );
}

/** These pages carry the secret token in their address: links out of them must not pass it on. */
const NO_REFERRER = [{ name: "referrer", content: "no-referrer" }];

function StatusLine({ status }: { status: RegistrationStatus }) {
  return status === "confirmed" ? (
    <p class="event-register__status">참가가 확정되었습니다.</p>
  ) : status === "waitlisted" ? (
    <p class="event-register__status">
      정원이 차서 대기자로 등록되었습니다. 자리가 나면 순서대로 참가가 확정됩니다.
    </p>
  ) : (
    <p class="event-register__status">취소된 신청입니다.</p>
  );
}

/** After registering: the confirmation number and the cancel link (the only place it is shown). */
export function RegisteredPage({
  chrome,
  assets,
  event,
  registration,
  cancelUrl,
}: {
  chrome: Chrome;
  assets: Assets;
  event: EventView;
  registration: RegistrationSummary;
  cancelUrl: string;
}) {
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{ title: `${event.title} 신청 확인`, noindex: true, extraMeta: NO_REFERRER }}
    >
      <article class="event event-registered">
        <h1 class="event__title">{event.title}</h1>
        <p>{formatKstLong(event.startsAt)}</p>
        <StatusLine status={registration.status} />
        <p class="event-registered__code">
          확인 번호 <strong data-testid="confirmation-code">{registration.confirmationCode}</strong>
        </p>
        <p>
          행사장 입구에서 이 번호나 이름을 알려 주세요. 확인 번호와 취소 링크는 신청하신 이메일로도 보내
          드렸습니다.
        </p>
        {registration.status !== "cancelled" ? (
          <p>
            참석할 수 없게 되면 <a href={cancelUrl}>신청 취소</a>를 눌러 다른 분께 자리를 양보해 주세요.
          </p>
        ) : null}
        <p>
          <a href={paths.event(event.key)}>행사 페이지로 돌아가기</a>
        </p>
      </article>
    </Layout>
  );
}

/** The cancel link's page: a confirm button (GET never cancels: link scanners open links). */
export function CancelPage({
  chrome,
  assets,
  event,
  registration,
  token,
  done,
}: {
  chrome: Chrome;
  assets: Assets;
  event: EventView;
  registration: RegistrationSummary;
  token: string;
  done: boolean;
}) {
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{ title: `${event.title} 신청 취소`, noindex: true, extraMeta: NO_REFERRER }}
    >
      <article class="event event-cancel">
        <h1 class="event__title">{event.title}</h1>
        <p>
          확인 번호 <strong>{registration.confirmationCode}</strong> · {STATUS_LABELS[registration.status]}
        </p>
        {done || registration.status === "cancelled" ? (
          <p class="event-register__status">신청이 취소되었습니다.</p>
        ) : (
          <form method="post" action={`${paths.event(event.key)}/cancel`}>
            <input type="hidden" name="token" value={token} />
            <p>{registration.name}님의 참가 신청을 취소할까요? 취소하면 되돌릴 수 없습니다.</p>
            <button type="submit" class="event-register__submit">
              신청 취소
            </button>
          </form>
        )}
        <p>
          <a href={paths.event(event.key)}>행사 페이지로 돌아가기</a>
        </p>
      </article>
    </Layout>
  );
}
