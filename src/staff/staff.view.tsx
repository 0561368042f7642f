import { formatKstMinute } from "../lib/kst-time.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import type { StaffAccount, StaffListRow } from "./staff.repo.ts";
import { PASSWORD_MIN_LENGTH, ROLE_LABELS, ROLES } from "./staff.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;
type FormError = { code: string; message: string } | null | undefined;

function ErrorLine({ error }: { error: FormError }) {
  return error ? (
    <p class="nr-error" role="alert" data-code={error.code}>
      {error.message}
    </p>
  ) : null;
}

export function StaffListPage(props: Base & { rows: StaffListRow[] }) {
  return (
    <NewsroomLayout {...props} title="직원" active="staff">
      <div class="nr-head">
        <h1>직원</h1>
        <a class="nr-button nr-button--primary" href="/newsroom/staff/new">
          직원 추가
        </a>
      </div>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">이름</th>
            <th scope="col">이메일</th>
            <th scope="col">역할</th>
            <th scope="col">부서</th>
            <th scope="col">상태</th>
            <th scope="col">최근 로그인</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((s) => (
            <tr key={s.id} class={s.active ? undefined : "nr-row--inactive"}>
              <td>
                <a href={`/newsroom/staff/${s.id}`}>{s.name}</a>
              </td>
              <td>{s.email}</td>
              <td>{ROLE_LABELS[s.role]}</td>
              <td>{s.desk ?? ""}</td>
              <td>{s.active ? "사용 중" : "사용 중지"}</td>
              <td>{s.last_sign_in ? formatKstMinute(s.last_sign_in) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="nr-hint">
        최근 로그인은 아직 남아 있는 로그인 기록으로 셈합니다. 로그아웃했거나 만료된 기록은 지워집니다.
      </p>
    </NewsroomLayout>
  );
}

/** What the form shows: the stored record, or what was sent when a save was refused. */
export interface StaffFormValues {
  key?: string;
  name?: string;
  email?: string;
  role?: string;
  desk?: string;
  active?: boolean;
}

export function valuesOfStaff(row: StaffAccount): StaffFormValues {
  return {
    key: row.key,
    name: row.name,
    email: row.email,
    role: row.role,
    desk: row.desk ?? "",
    active: row.active === 1,
  };
}

function CommonFields({ values }: { values: StaffFormValues }) {
  return (
    <>
      <label>
        <span>이름</span>
        <input name="name" required maxLength={100} value={values.name ?? ""} />
      </label>
      <label>
        <span>이메일 (로그인에 씁니다)</span>
        <input type="email" name="email" required maxLength={254} value={values.email ?? ""} />
      </label>
      <label>
        <span>역할</span>
        <select name="role" required>
          {ROLES.map((r) => (
            <option key={r} value={r} selected={values.role === r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>부서</span>
        <input name="desk" maxLength={100} value={values.desk ?? ""} placeholder="예: 산업부" />
      </label>
    </>
  );
}

export function NewStaffPage(props: Base & { values?: StaffFormValues; error?: FormError }) {
  const values = props.values ?? { role: "reporter" };
  return (
    <NewsroomLayout {...props} title="직원 추가" active="staff">
      <div class="nr-head">
        <h1>직원 추가</h1>
        <p class="nr-meta">
          <a href="/newsroom/staff">‹ 직원 목록</a>
        </p>
      </div>
      <ErrorLine error={props.error} />
      <form method="post" action="/newsroom/staff" class="nr-form nr-form--narrow">
        <Csrf token={props.csrfToken} />
        <label>
          <span>키 (기자 페이지 주소에 쓰입니다: 영문 소문자, 숫자, -)</span>
          <input
            name="key"
            required
            minLength={2}
            maxLength={64}
            pattern="[a-z0-9\-]{2,64}"
            value={values.key ?? ""}
          />
        </label>
        <CommonFields values={values} />
        <label>
          <span>처음 비밀번호 ({PASSWORD_MIN_LENGTH}자 이상)</span>
          <input
            type="password"
            name="password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={200}
            autoComplete="new-password"
          />
          <small class="nr-hint">본인에게 따로 알려 주고, 처음 로그인한 뒤 바꾸게 해 주세요.</small>
        </label>
        <div class="nr-actions">
          <button type="submit" class="nr-button nr-button--primary">
            추가
          </button>
        </div>
      </form>
    </NewsroomLayout>
  );
}

export function EditStaffPage(
  props: Base & { row: StaffAccount; values?: StaffFormValues; error?: FormError; passwordError?: FormError },
) {
  const { row } = props;
  const values = props.values ?? valuesOfStaff(row);
  const self = props.user?.id === row.id;
  return (
    <NewsroomLayout {...props} title={`직원: ${row.name}`} active="staff">
      <div class="nr-head">
        <h1>{row.name}</h1>
        <p class="nr-meta">
          <a href="/newsroom/staff">‹ 직원 목록</a> · 키 {row.key} · 등록 {formatKstMinute(row.created_at)} ·{" "}
          <a href={`/newsroom/staff/${row.id}/profile`}>공개 프로필</a>
        </p>
      </div>
      <div class="nr-editor-layout">
        <section>
          <ErrorLine error={props.error} />
          <form method="post" action={`/newsroom/staff/${row.id}`} class="nr-form">
            <Csrf token={props.csrfToken} />
            <CommonFields values={values} />
            <label class="nr-check">
              <input type="checkbox" name="active" value="1" checked={values.active} /> 사용 중 (끄면 모든
              기기에서 곧바로 로그아웃되고 다시 로그인할 수 없습니다)
            </label>
            {self ? <small class="nr-hint">자기 계정의 관리자 권한은 빼거나 끌 수 없습니다.</small> : null}
            <div class="nr-actions">
              <button type="submit" class="nr-button nr-button--primary">
                저장
              </button>
            </div>
          </form>
        </section>
        <aside class="nr-panel">
          <h2>비밀번호 새로 정하기</h2>
          <ErrorLine error={props.passwordError} />
          <form method="post" action={`/newsroom/staff/${row.id}/password`} class="nr-inline-form">
            <Csrf token={props.csrfToken} />
            <label>
              <span>새 비밀번호 ({PASSWORD_MIN_LENGTH}자 이상)</span>
              <input
                type="password"
                name="password"
                required
                minLength={PASSWORD_MIN_LENGTH}
                maxLength={200}
                autoComplete="new-password"
              />
            </label>
            <small class="nr-hint">이 사람의 다른 로그인은 모두 끝납니다.</small>
            <button type="submit" class="nr-button">
              비밀번호 정하기
            </button>
          </form>
        </aside>
      </div>
    </NewsroomLayout>
  );
}
