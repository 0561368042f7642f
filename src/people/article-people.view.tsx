import { Csrf } from "../web/newsroom/layout.tsx";
import { paths } from "../web/paths.ts";
import type { PeoplePanel } from "./article-people.service.ts";

/**
 * The editor's side panel on people: links found, names it could not decide, spelling warnings, and
 * whom "김 사장"-style references were taken to mean.
 */
export function PeoplePanelView({
  articleId,
  panel,
  csrfToken,
}: {
  articleId: number;
  panel: PeoplePanel;
  csrfToken?: string;
}) {
  const base = `/newsroom/articles/${articleId}/people`;
  const nothing = !panel.links.length && !panel.ambiguous.length && !panel.spellings.length;
  return (
    <section class="nr-panel nr-people" aria-labelledby="nr-people-title" data-people-panel>
      <h2 id="nr-people-title">인물 연결</h2>
      {nothing ? <p class="nr-empty">본문에서 찾은 인물이 없습니다.</p> : null}
      {panel.links.length ? (
        <ul class="nr-people__links">
          {panel.links.map((l) => (
            <li key={l.personId} data-person-link={l.key} class={l.removed ? "is-removed" : undefined}>
              <a href={paths.person(l.key)} target="_blank" rel="noopener">
                {l.name}
              </a>
              {l.organization ? <span class="nr-meta"> ({l.organization})</span> : null}{" "}
              <span class="nr-meta">
                ‘{l.spelling}’{l.source === "editor" ? " · 직접 지정" : ""}
                {l.removed ? " · 연결 뺌" : ""}
              </span>
              <p class="nr-snippet">{l.snippet}</p>
              {l.removed ? null : (
                <form method="post" action={`${base}/${l.personId}/remove`}>
                  <Csrf token={csrfToken} />
                  <button type="submit" class="nr-button nr-button--small">
                    연결 빼기
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {panel.ambiguous.map((m) => (
        <div key={m.spelling} class="nr-warning nr-people__ambiguous" data-ambiguous={m.spelling}>
          <p>
            <strong>‘{m.spelling}’</strong>:{" "}
            {m.reason === "word"
              ? "일반 낱말로도 쓰이는 이름인데 사람이라는 근거(직함·문맥 낱말·전체 이름)가 없어 연결하지 않았습니다"
              : "누구인지 판단할 수 없어 연결하지 않았습니다"}
          </p>
          <p class="nr-snippet">{m.snippet}</p>
          <form method="post" action={`${base}/pick`}>
            <Csrf token={csrfToken} />
            <input type="hidden" name="spelling" value={m.spelling} />
            <label>
              이 사람입니다{" "}
              <select name="personId">
                {m.candidates.map((c) => (
                  <option key={c.personId} value={String(c.personId)}>
                    {c.name}
                    {c.organization ? ` (${c.organization})` : ""}
                  </option>
                ))}
              </select>
            </label>{" "}
            <button type="submit" class="nr-button nr-button--small">
              연결
            </button>
          </form>
        </div>
      ))}
      {panel.references.length ? (
        <div class="nr-people__references" data-people-references>
          <p class="nr-meta">성과 직함으로 부른 곳 (연결하지 않음)</p>
          <ul>
            {panel.references.map((r) => (
              <li key={`${r.spelling}:${r.key}`} data-reference={r.key}>
                ‘{r.spelling}’ → {r.name}
                {r.organization ? ` (${r.organization})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {panel.spellings.map((s) => (
        <div key={s.personId} class="nr-warning nr-people__spelling" data-spelling-warning={s.key}>
          <p>
            <strong>{s.name}</strong> 표기가 갈립니다:{" "}
            {s.variants.map((v) => `${v.spelling} ×${v.count}`).join(", ")}
          </p>
          <form method="post" action={`${base}/${s.personId}/unify`}>
            <Csrf token={csrfToken} />
            <button type="submit" class="nr-button nr-button--small">
              표기 통일
            </button>
          </form>
        </div>
      ))}
    </section>
  );
}
