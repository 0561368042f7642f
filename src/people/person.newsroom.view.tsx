import type { PersonRow } from "../db/schema.ts";
import { parseStringList } from "../lib/json-list.ts";
import { Csrf, NewsroomLayout, type NewsroomPageProps } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";

type Base = Omit<NewsroomPageProps, "title" | "children">;
type Draft = Record<string, string> | undefined;

function ErrorLine({ error }: { error?: { code: string; message: string } | undefined }) {
  return error ? (
    <p class="nr-error" role="alert" data-code={error.code}>
      {error.message}
    </p>
  ) : null;
}

/** The fields of a person, filled from the row, or from what was typed after a refusal. */
function PersonFields({ person, draft }: { person?: PersonRow; draft: Draft }) {
  const v = (field: string, fromRow: string) => draft?.[field] ?? fromRow;
  return (
    <>
      <label>
        <span>이름</span>
        <input name="name" required maxLength={100} value={v("name", person?.name ?? "")} />
      </label>
      <label>
        <span>주소 (key: 영문 소문자, 숫자, -)</span>
        <input name="key" required maxLength={64} pattern="[a-z0-9\-]+" value={v("key", person?.key ?? "")} />
      </label>
      <label>
        <span>다른 표기 (쉼표로 구분)</span>
        <input
          name="aliases"
          value={v("aliases", person ? parseStringList(person.aliases).join(", ") : "")}
        />
      </label>
      <label>
        <span>직함</span>
        <input name="role" maxLength={200} value={v("role", person?.role ?? "")} />
      </label>
      <label>
        <span>소속</span>
        <input name="organization" maxLength={200} value={v("organization", person?.organization ?? "")} />
      </label>
      <label>
        <span>문맥 단어 (동명이인을 가릴 때 씁니다, 쉼표로 구분)</span>
        <input
          name="contextWords"
          value={v("contextWords", person ? parseStringList(person.context_words).join(", ") : "")}
        />
      </label>
      <label>
        <span>예전 번호</span>
        <input
          name="num"
          inputMode="numeric"
          pattern="\d*"
          value={v("num", person?.num != null ? String(person.num) : "")}
        />
      </label>
      <label>
        <span>소개</span>
        <textarea name="bio" rows={4} maxLength={5000}>
          {v("bio", person?.bio ?? "")}
        </textarea>
      </label>
      <label>
        <span>사진 번호 (사진 보관함의 #번호, 없으면 비워 둡니다)</span>
        <input
          name="photo"
          inputMode="numeric"
          maxLength={20}
          value={v("photo", person?.photo_media_id != null ? `#${person.photo_media_id}` : "")}
        />
      </label>
    </>
  );
}

/** Why a person is linked only with evidence (names that are also ordinary words). */
function EvidenceNote({ lines }: { lines: readonly string[] | undefined }) {
  if (!lines || lines.length === 0) return null;
  return (
    <div class="nr-people__evidence" data-needs-evidence="1">
      <strong>근거가 있어야 연결</strong>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}

const EVIDENCE_HELP =
  "이름이 일반 낱말로도 쓰이는 인물은 이름 바로 앞뒤의 직업·직함(소설가 한강, 한강 작가, 한강 씨), 같은 문장이나 앞뒤 80자 안의 문맥 낱말, 또는 기사 안의 다른 표기(전체 이름)가 있을 때만 연결합니다.";

export function PeopleListPage(
  props: Base & {
    q: string;
    people: PersonRow[];
    /** person id -> why they need evidence, one line per spelling */
    needsEvidence: Record<number, string[]>;
    onlyEvidence: boolean;
    guardedCount: number;
    error?: { code: string; message: string };
    draft?: Draft;
  },
) {
  return (
    <NewsroomLayout {...props} title="인물" active="people">
      <div class="nr-head">
        <h1>인물</h1>
        <p class="nr-meta">기사 본문에서 이름을 찾아 인물 페이지로 연결합니다.</p>
      </div>
      <ErrorLine error={props.error} />
      <form method="get" action="/newsroom/people" class="nr-form nr-form--inline" role="search">
        <label>
          <span>찾기</span>
          <input name="q" type="search" maxLength={100} value={props.q} />
        </label>
        <label class="nr-check">
          <input type="checkbox" name="evidence" value="1" checked={props.onlyEvidence} />
          <span>근거가 있어야 연결되는 인물만 ({props.guardedCount}명)</span>
        </label>
        <button type="submit" class="nr-button">
          찾기
        </button>
      </form>
      <p class="nr-meta">{EVIDENCE_HELP}</p>
      {props.people.length === 0 ? (
        <p class="nr-empty">찾은 인물이 없습니다.</p>
      ) : (
        <table class="nr-table nr-people-list">
          <thead>
            <tr>
              <th scope="col">이름</th>
              <th scope="col">소속·직함</th>
              <th scope="col">다른 표기</th>
              <th scope="col">예전 번호</th>
            </tr>
          </thead>
          <tbody>
            {props.people.map((p) => (
              <tr key={p.id} data-person={p.key}>
                <td>
                  <a href={`/newsroom/people/${p.id}`}>{p.name}</a>{" "}
                  <a class="nr-meta" href={paths.person(p.key)} target="_blank" rel="noopener">
                    ({p.key})
                  </a>
                </td>
                <td>
                  {[p.organization, p.role].filter(Boolean).join(" ")}
                  <EvidenceNote lines={props.needsEvidence[p.id]} />
                </td>
                <td>{parseStringList(p.aliases).join(", ")}</td>
                <td>{p.num != null ? String(p.num) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section class="nr-panel" aria-labelledby="add-person">
        <h2 id="add-person">인물 추가</h2>
        <form method="post" action="/newsroom/people" class="nr-form nr-form--narrow">
          <Csrf token={props.csrfToken} />
          <PersonFields draft={props.draft} />
          <div class="nr-actions">
            <button type="submit" class="nr-button nr-button--primary">
              추가
            </button>
          </div>
        </form>
      </section>
    </NewsroomLayout>
  );
}

export function PersonEditPage(
  props: Base & {
    person: PersonRow;
    needsEvidence: string[];
    error?: { code: string; message: string };
    draft?: Draft;
  },
) {
  const p = props.person;
  return (
    <NewsroomLayout {...props} title={`인물: ${p.name}`} active="people">
      <div class="nr-head">
        <h1>{p.name}</h1>
        <p class="nr-meta">
          <a href="/newsroom/people">인물 목록</a> ·{" "}
          <a href={paths.person(p.key)} target="_blank" rel="noopener">
            인물 페이지
          </a>
        </p>
      </div>
      <ErrorLine error={props.error} />
      {props.needsEvidence.length ? (
        <section class="nr-panel" aria-labelledby="person-evidence">
          <h2 id="person-evidence">근거가 있어야 연결</h2>
          <EvidenceNote lines={props.needsEvidence} />
          <p class="nr-meta">{EVIDENCE_HELP} 문맥 낱말과 직함을 채워 두면 근거를 찾기 쉽습니다.</p>
        </section>
      ) : null}
      <form method="post" action={`/newsroom/people/${p.id}`} class="nr-form nr-form--narrow">
        <Csrf token={props.csrfToken} />
        <PersonFields person={p} draft={props.draft} />
        <div class="nr-actions">
          <button type="submit" class="nr-button nr-button--primary">
            저장
          </button>
        </div>
      </form>
      <section class="nr-panel" aria-labelledby="merge-person">
        <h2 id="merge-person">다른 인물로 합치기</h2>
        <p class="nr-meta">
          이 인물의 기사 연결과 행사 연사 기록이 합칠 인물로 옮겨 가고, 이 인물의 이름은 다른 표기로, 예전
          번호는 합칠 인물로 연결됩니다. 이 항목은 지워집니다.
        </p>
        <form
          method="post"
          action={`/newsroom/people/${p.id}/merge`}
          class="nr-form nr-form--inline"
          data-confirm={`‘${p.name}’을(를) 다른 인물로 합칠까요? 되돌릴 수 없습니다.`}
        >
          <Csrf token={props.csrfToken} />
          <label>
            <span>합칠 인물의 주소(key)</span>
            <input name="into" required maxLength={64} />
          </label>
          <button type="submit" class="nr-button nr-button--danger">
            합치기
          </button>
        </form>
      </section>
    </NewsroomLayout>
  );
}
