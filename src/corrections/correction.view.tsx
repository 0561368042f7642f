import { formatKstLong } from "../lib/kst-time.ts";
import { paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { Layout } from "../web/public/layout.tsx";
import type { CorrectionRow } from "./correction.repo.ts";
import type { RequestField } from "./correction.service.ts";
import { KIND_LABELS, lastDayOf, REFUSAL_GROUNDS, type RefusalGround, STATUS_LABELS } from "./correction.ts";

interface PageBase {
  chrome: Chrome;
  assets: Assets;
}

function Field(props: {
  name: RequestField;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  required?: boolean;
  multiline?: boolean;
  type?: "text" | "email" | "tel";
  maxLength: number;
}) {
  const id = `cr-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  const common = {
    rows: 5,
    id,
    name: props.name,
    required: props.required,
    maxLength: props.maxLength,
    "aria-invalid": props.error ? (true as const) : undefined,
    "aria-describedby": described || undefined,
  };
  return (
    <div class={`form-field${props.error ? " form-field--error" : ""}`}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="form-field__required"> (필수)</span> : null}
      </label>
      {props.multiline ? (
        <textarea {...common}>{props.value ?? ""}</textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          required={props.required}
          maxLength={props.maxLength}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={described || undefined}
          type={props.type ?? "text"}
          list={undefined}
          value={props.value ?? ""}
        />
      )}
      {props.hint ? (
        <small class="form-field__hint" id={`${id}-hint`}>
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <p class="form-field__error" id={`${id}-error`} data-field-error={props.name}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** The 정정·반론·추후보도 request form (언론중재법 §14–§16). */
export function CorrectionRequestPage(
  props: PageBase & {
    values: Partial<Record<RequestField, string>>;
    errors: Partial<Record<RequestField, string>>;
    message?: string | null;
  },
) {
  const v = props.values;
  const e = props.errors;
  const kind = v.kind ?? "correction";
  return (
    <Layout chrome={props.chrome} assets={props.assets} meta={{ title: "정정·반론보도 청구", noindex: true }}>
      <div class="correction-page">
        <h1>정정·반론·추후보도 청구</h1>
        <p>
          보도로 피해를 입었다면 언론중재 및 피해구제 등에 관한 법률 제14조~제17조의2에 따라 정정보도,
          반론보도, 추후보도를 청구할 수 있습니다. 보도가 있음을 안 날부터 3개월, 보도 후 6개월 안에 청구해
          주세요(추후보도는 무죄 판결이나 혐의 없음 결정 등을 안 날부터 3개월). 신문사는 청구를 받은 날부터
          3일 안에 답하고, 받아들이면 7일 안에 같은 자리에 싣습니다.
        </p>
        {props.message ? (
          <p class="form-error" role="alert">
            {props.message}
          </p>
        ) : null}
        <form method="post" action={paths.correctionRequest()} class="correction-form" novalidate>
          <Field
            name="article"
            label="기사 번호 또는 주소"
            required
            maxLength={2000}
            value={v.article}
            error={e.article}
            hint="기사 주소(…/article/1234)나 번호(1234)를 적어 주세요."
          />
          <fieldset class={`form-field${e.kind ? " form-field--error" : ""}`}>
            <legend>청구 종류 (필수)</legend>
            {(["correction", "reply", "follow-up"] as const).map((k) => (
              <label key={k} class="form-choice">
                <input type="radio" name="kind" value={k} checked={kind === k} /> {KIND_LABELS[k]}
                <small>
                  {k === "correction"
                    ? " 보도 내용이 사실과 다를 때"
                    : k === "reply"
                      ? " 사실 여부와 관계없이 내 주장을 싣고 싶을 때"
                      : " 범죄 혐의 보도 뒤 무죄 등으로 끝났을 때"}
                </small>
              </label>
            ))}
            {e.kind ? <p class="form-field__error">{e.kind}</p> : null}
          </fieldset>
          <Field name="name" label="이름" required maxLength={100} value={v.name} error={e.name} />
          <Field
            name="email"
            label="이메일"
            type="email"
            required
            maxLength={254}
            value={v.email}
            error={e.email}
            hint="답변과 처리 상황을 이 이메일로 확인합니다."
          />
          <Field name="phone" label="전화번호" type="tel" maxLength={50} value={v.phone} error={e.phone} />
          <Field
            name="relation"
            label="보도와의 관계"
            maxLength={500}
            value={v.relation}
            error={e.relation}
            hint="예: 기사에 언급된 당사자, 당사자의 대리인"
          />
          <Field
            name="statement"
            label="문제가 된 보도 내용"
            required
            multiline
            maxLength={5000}
            value={v.statement}
            error={e.statement}
          />
          <Field
            name="reason"
            label="청구 이유"
            required
            multiline
            maxLength={5000}
            value={v.reason}
            error={e.reason}
          />
          <Field
            name="proposal"
            label="게재를 원하는 내용"
            required
            multiline
            maxLength={10000}
            value={v.proposal}
            error={e.proposal}
            hint="실어 주기를 바라는 제목과 본문을 적어 주세요."
          />
          <p class="form-note">
            적어 주신 개인정보는 청구 처리와 법정 기록 보존에만 쓰입니다.{" "}
            <a href={paths.policy("privacy")}>개인정보처리방침</a>
          </p>
          <button type="submit" class="button button--primary">
            청구서 제출
          </button>
        </form>
      </div>
    </Layout>
  );
}

/** Shown once a request is filed: the receipt code and the answer's deadline. */
export function CorrectionReceivedPage(
  props: PageBase & { receipt: string; answerDueAt: number; late: boolean; email: string },
) {
  return (
    <Layout chrome={props.chrome} assets={props.assets} meta={{ title: "청구 접수", noindex: true }}>
      <div class="correction-page">
        <h1>청구를 접수했습니다</h1>
        <p>
          접수 번호{" "}
          <strong class="receipt" data-receipt={props.receipt}>
            {props.receipt}
          </strong>
        </p>
        <p>
          {lastDayOf(props.answerDueAt)}까지 {props.email} 주소로 답변을 드립니다. 처리 상황은{" "}
          <a href={paths.correctionStatus(props.receipt)}>{paths.correctionStatus(props.receipt)}</a>에서
          이메일을 넣어 확인할 수 있습니다.
        </p>
        {props.late ? (
          <p class="form-note">
            보도 후 6개월이 지난 청구입니다. 법정 청구 기간이 지났을 수 있지만 접수해 검토합니다.
          </p>
        ) : null}
      </div>
    </Layout>
  );
}

/** Asks for the e-mail that filed the request before showing anything of it. */
export function CorrectionLookupPage(props: PageBase & { receipt: string; message?: string | null }) {
  return (
    <Layout chrome={props.chrome} assets={props.assets} meta={{ title: "청구 처리 상황", noindex: true }}>
      <div class="correction-page">
        <h1>청구 처리 상황</h1>
        <p>
          접수 번호 <strong>{props.receipt}</strong>의 처리 상황을 보려면 청구할 때 적은 이메일을 넣어 주세요.
        </p>
        {props.message ? (
          <p class="form-error" role="alert">
            {props.message}
          </p>
        ) : null}
        <form method="post" action={paths.correctionStatus(props.receipt)} class="correction-form">
          <div class="form-field">
            <label for="cr-lookup-email">이메일</label>
            <input
              id="cr-lookup-email"
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="email"
            />
          </div>
          <button type="submit" class="button button--primary">
            확인
          </button>
        </form>
      </div>
    </Layout>
  );
}

export function CorrectionStatusPage(props: PageBase & { request: CorrectionRow }) {
  const r = props.request;
  const steps: [string, string][] = [
    ["접수", formatKstLong(r.received_at)],
    ["답변 기한", `${lastDayOf(r.answer_due_at)}까지`],
  ];
  if (r.answered_at) steps.push(["답변", formatKstLong(r.answered_at)]);
  if (r.refusal_ground)
    steps.push(["거부 사유", REFUSAL_GROUNDS[r.refusal_ground as RefusalGround] ?? r.refusal_ground]);
  if (r.answer_note) steps.push(["답변 내용", r.answer_note]);
  if (r.publish_due_at && r.status !== "published")
    steps.push(["게재 기한", `${lastDayOf(r.publish_due_at)}까지`]);
  if (r.published_at) steps.push(["게재", formatKstLong(r.published_at)]);
  return (
    <Layout chrome={props.chrome} assets={props.assets} meta={{ title: "청구 처리 상황", noindex: true }}>
      <div class="correction-page">
        <h1>청구 처리 상황</h1>
        <p>
          접수 번호 <strong>{r.receipt}</strong> · {KIND_LABELS[r.kind]} 청구
        </p>
        <p class="correction-status" data-status={r.status}>
          <strong>{STATUS_LABELS[r.status]}</strong>
        </p>
        <p>
          대상 기사: <a href={paths.article(r.article_num)}>{r.article_title}</a>
        </p>
        <dl class="correction-steps">
          {steps.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Layout>
  );
}
