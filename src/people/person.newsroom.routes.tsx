import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type AppError, fail } from "../lib/errors.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { isFormError, parseForm, sentText } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { parseInput } from "../web/validation.ts";
import { currentDirectory } from "./article-people.service.ts";
import type { GuardReason } from "./name-matcher.ts";
import { PeopleListPage, PersonEditPage } from "./person.newsroom.view.tsx";
import { findPersonById, searchPeople } from "./person.repo.ts";
import { createPerson, editPerson, mergePeople, type PersonInput } from "./person.service.ts";

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `${max}자까지 쓸 수 있습니다.`)
    .optional()
    .transform((v) => v?.trim() || null);
const list = z
  .string()
  .max(3000, "목록이 너무 깁니다.")
  .optional()
  .transform((v) => [
    ...new Set(
      (v ?? "")
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]);

const PersonForm = z.object({
  key: z
    .string({ error: "주소(key)를 적어 주세요." })
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/, "주소(key)는 영문 소문자, 숫자, -로 64자까지 쓸 수 있습니다."),
  name: z
    .string({ error: "이름을 적어 주세요." })
    .trim()
    .min(1, "이름을 적어 주세요.")
    .max(100, "이름은 100자까지 쓸 수 있습니다."),
  aliases: list,
  role: optionalText(200),
  organization: optionalText(200),
  bio: optionalText(5000),
  contextWords: list,
  num: z
    .string()
    .trim()
    .regex(/^\d{0,12}$/, "예전 번호는 숫자로 적어 주세요.")
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  /** a media library number (#12 or 12); empty for no photo */
  photo: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v) => (v ? v.replace(/^#/, "") : ""))
    .pipe(
      z
        .string()
        .regex(/^\d{0,9}$/, "사진 번호는 사진 보관함의 숫자(#12)로 적어 주세요.")
        .transform((v) => (v ? Number(v) : null)),
    ),
});
const MergeForm = z.object({
  into: z
    .string({ error: "합칠 인물의 주소(key)를 적어 주세요." })
    .trim()
    .min(1, "합칠 인물의 주소(key)를 적어 주세요.")
    .max(64),
});
const SearchQuery = z.object({
  q: z.string().max(100).optional().default(""),
  /** "1": only people linked only with evidence (names that are also words) */
  evidence: z.enum(["1", ""]).optional(),
});

/** Why a person needs evidence, in the editors' words, one line per spelling. */
function evidenceLines(reasons: readonly GuardReason[] | undefined): string[] {
  return (reasons ?? []).map((g) =>
    g.kind === "dictionary"
      ? `‘${g.spelling}’: 일반 낱말 목록에 있는 말`
      : `‘${g.spelling}’: 최근 기사 ${g.articles}건에 나왔는데 이 사람의 근거가 함께 나온 기사는 ${g.withEvidence}건`,
  );
}

/** Cap on the "needs evidence" filter: the list shows at most this many people. */
const EVIDENCE_LIST_CAP = 500;
const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

function personId(params: unknown): number {
  const p = IdParams.safeParse(params);
  if (!p.success) throw fail("person_not_found");
  return p.data.id;
}

const toInput = ({ photo, ...f }: z.infer<typeof PersonForm>): PersonInput => ({ ...f, photoMediaId: photo });

/** The person directory in the newsroom: search, add, edit, merge. Needs `people.manage`. */
export function registerPersonNewsroomRoutes(app: FastifyInstance, ctx: WebContext): void {
  async function list(
    request: FastifyRequest,
    reply: FastifyReply,
    error?: AppError,
    draft?: Record<string, string>,
  ) {
    const { q, evidence } = parseInput(SearchQuery, request.query ?? {});
    const dir = await currentDirectory(ctx.db);
    const onlyGuarded = evidence === "1" ? [...dir.guards.keys()].slice(0, EVIDENCE_LIST_CAP) : undefined;
    const people = await searchPeople(ctx.db, q, 200, onlyGuarded);
    const needsEvidence: Record<number, string[]> = {};
    for (const p of people) {
      const lines = evidenceLines(dir.guards.get(p.id));
      if (lines.length) needsEvidence[p.id] = lines;
    }
    return sendPage(
      reply,
      <PeopleListPage
        {...(await pageBase(ctx, request))}
        q={q}
        onlyEvidence={evidence === "1"}
        guardedCount={dir.guards.size}
        needsEvidence={needsEvidence}
        people={people}
        error={error}
        draft={draft}
      />,
      error?.status ?? 200,
      "no-store",
    );
  }
  async function edit(request: FastifyRequest, reply: FastifyReply, id: number, error?: AppError) {
    const person = await findPersonById(ctx.db, id);
    if (!person) throw fail("person_not_found");
    const dir = await currentDirectory(ctx.db);
    return sendPage(
      reply,
      <PersonEditPage
        {...(await pageBase(ctx, request))}
        person={person}
        needsEvidence={evidenceLines(dir.guards.get(person.id))}
        error={error}
        draft={error ? sentText(request.body) : undefined}
      />,
      error?.status ?? 200,
      "no-store",
    );
  }

  app.get("/newsroom/people", async (request, reply) => {
    requirePermission(request, "people.manage");
    return list(request, reply);
  });

  app.post("/newsroom/people", async (request, reply) => {
    requirePermission(request, "people.manage");
    try {
      const id = await createPerson(ctx, toInput(parseForm(PersonForm, request.body)));
      return reply.redirect(`/newsroom/people/${id}?notice=person_saved`, 303);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return list(request, reply, error, sentText(request.body));
    }
  });

  app.get("/newsroom/people/:id", async (request, reply) => {
    requirePermission(request, "people.manage");
    return edit(request, reply, personId(request.params));
  });

  app.post("/newsroom/people/:id", async (request, reply) => {
    requirePermission(request, "people.manage");
    const id = personId(request.params);
    try {
      await editPerson(ctx, id, toInput(parseForm(PersonForm, request.body)));
      return reply.redirect(`/newsroom/people/${id}?notice=person_saved`, 303);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return edit(request, reply, id, error);
    }
  });

  app.post("/newsroom/people/:id/merge", async (request, reply) => {
    requirePermission(request, "people.manage");
    const id = personId(request.params);
    try {
      const { into } = parseForm(MergeForm, request.body);
      const keepId = await mergePeople(ctx, id, into);
      return reply.redirect(`/newsroom/people/${keepId}?notice=people_merged`, 303);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return edit(request, reply, id, error);
    }
  });
}
