import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { attachmentHeader, toCsv } from "../lib/csv.ts";
import { AppError, fail } from "../lib/errors.ts";
import { parseKstLocal, toKstLocal } from "../lib/kst-input.ts";
import { formatKst } from "../lib/kst-time.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { parseForm } from "../web/newsroom/form.ts";
import { pageBase } from "../web/newsroom/page.ts";
import {
  findLiveLayout,
  listLog,
  listPlaceable,
  listScheduledLayouts,
  publicIdsByNum,
  publicStoriesById,
} from "./frontpage.repo.ts";
import {
  applyLayout,
  cancelScheduledLayout,
  checkPlacements,
  type FrontpageDeps,
  fillPage,
  findLayoutPage,
  type LayoutPage,
  layoutPages,
  scheduleLayout,
} from "./frontpage.service.ts";
import {
  type FormRow,
  HOME,
  kstDay,
  moveWithin,
  type PageKey,
  type Placement,
  parseFieldName,
  parseKstDay,
} from "./frontpage.ts";
import { FrontpageEditor, type FrontpageEditorData, LayoutLogPage, type LogRow } from "./frontpage.view.tsx";

type Rows = Record<string, FormRow[]>;

const PageParam = z.object({ page: z.string().max(80).optional() });
const Action = z.object({
  page: z.string().max(80),
  op: z.enum(["apply", "schedule", "preview", "move"], { message: "할 일을 골라 주세요." }).optional(),
  move: z
    .string()
    .regex(/^(top|subtop|main|photo|block:\d{1,9})\.\d{1,2}\.(up|down)$/, "옮길 자리가 올바르지 않습니다.")
    .optional(),
  applyAt: z.string().max(30).optional(),
});

const NUM = /^\d{1,9}$/;
const LOG_PAGE_SIZE = 200;
const CSV_MAX_ROWS = 100_000;
const LOG_MAX_DAYS = 366;

/** The rows the form shows for each slot, from the placements (story numbers) in force. */
function rowsOf(page: LayoutPage, placements: readonly Placement[], numById: Map<number, number>): Rows {
  const rows: Rows = {};
  for (const spec of page.slots) {
    rows[spec.key] = Array.from({ length: spec.size }, (_, i) => {
      const p = placements.find((x) => x.slot === spec.key && x.position === i + 1);
      const num = p ? numById.get(p.articleId) : undefined;
      return { num: num === undefined ? "" : String(num), until: p?.until ? toKstLocal(p.until) : "" };
    });
  }
  return rows;
}

/** The rows as sent: only known fields, a number or nothing, a KST time or nothing. */
function rowsFromBody(page: LayoutPage, body: Record<string, unknown>): Rows {
  const rows: Rows = {};
  for (const spec of page.slots)
    rows[spec.key] = Array.from({ length: spec.size }, () => ({ num: "", until: "" }));
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== "string") continue;
    const s = parseFieldName(name, "s") ?? parseFieldName(name, "u");
    if (!s) continue;
    const row = rows[s.slot]?.[s.position - 1];
    if (!row) continue;
    const v = value.trim().slice(0, 30);
    if (name.startsWith("s.")) row.num = v;
    else row.until = v;
  }
  return rows;
}

/** The rows as placements: story numbers to ids (public stories only), pins to UTC ms. */
async function placementsOf(ctx: WebContext, rows: Rows): Promise<Placement[]> {
  const wanted: { slot: string; position: number; num: number; until: number | null }[] = [];
  for (const [slot, list] of Object.entries(rows)) {
    list.forEach((row, i) => {
      if (!row.num) {
        if (row.until) throw fail("invalid_form", "고정 종료 시각은 기사를 고른 자리에만 적을 수 있습니다.");
        return;
      }
      if (!NUM.test(row.num)) throw fail("invalid_form", "기사 번호는 숫자로 적어 주세요.");
      let until: number | null = null;
      if (row.until) {
        until = parseKstLocal(row.until);
        if (until === null)
          throw fail("invalid_form", "고정 종료 시각을 YYYY-MM-DD HH:MM 형식으로 적어 주세요.");
      }
      wanted.push({ slot, position: i + 1, num: Number(row.num), until });
    });
  }
  const ids = await publicIdsByNum(
    ctx.db,
    wanted.map((w) => w.num),
    ctx.now(),
  );
  return wanted.map((w) => {
    const articleId = ids.get(w.num);
    if (articleId === undefined) {
      throw fail("invalid_form", `${w.num}번 기사는 발행된 기사가 아닙니다. 발행된 기사만 놓을 수 있습니다.`);
    }
    return { slot: w.slot, position: w.position, articleId, until: w.until };
  });
}

/** The 편집판 (editors and admins) and its log. */
export function registerFrontpageRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: FrontpageDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };

  async function pageOf(key: string | undefined): Promise<{ page: LayoutPage; pages: LayoutPage[] }> {
    const chrome = await ctx.chrome();
    const pages = layoutPages(chrome.sections);
    const page = findLayoutPage(chrome.sections, key || HOME);
    if (!page) throw fail("not_found", "편집판");
    return { page, pages };
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    page: LayoutPage,
    pages: LayoutPage[],
    rows: Rows,
    extra: { error?: string; preview?: Placement[] | null; status?: number; applyAt?: string } = {},
  ) {
    const now = ctx.now();
    const [placeable, scheduled, filled] = await Promise.all([
      listPlaceable(ctx.db, now, 300),
      listScheduledLayouts(ctx.db, page.key),
      extra.preview === undefined || extra.preview === null
        ? fillPage(ctx, page, now)
        : fillPage(ctx, page, now, extra.preview),
    ]);
    const data: FrontpageEditorData = {
      page: { key: page.key, name: page.name, href: page.href },
      pages: pages.map((p) => ({ key: p.key, name: p.name })),
      slots: page.slots.map((s) => ({ key: s.key, label: s.label, size: s.size, kind: s.kind })),
      rows,
      filled: filled.map((f) => ({
        key: f.spec.key,
        label: f.spec.label,
        size: f.spec.size,
        stories: f.stories.map((s) => ({
          position: s.position,
          num: s.article.num,
          title: s.article.title,
          mode: s.mode,
          until: s.until,
          hasPhoto: s.article.leadImage !== null,
        })),
      })),
      isPreview: Boolean(extra.preview),
      placeable: placeable.map((a) => ({
        num: a.num,
        title: a.title,
        section: a.section_name ?? "",
        publishedAt: a.published_at ?? 0,
        hasPhoto: a.lead_media_id !== null,
      })),
      scheduled: scheduled.map((s) => ({
        id: s.id,
        applyAt: s.applyAt ?? 0,
        createdBy: s.createdBy,
        count: s.placements.length,
      })),
      error: extra.error ?? null,
      applyAt: extra.applyAt ?? "",
    };
    return sendPage(
      reply,
      <FrontpageEditor {...(await pageBase(ctx, request))} data={data} />,
      extra.status ?? 200,
      "no-store",
    );
  }

  app.get("/newsroom/frontpage", async (request, reply) => {
    requirePermission(request, "frontpage.manage");
    const q = PageParam.safeParse(request.query);
    if (!q.success) throw fail("invalid_request", "편집판을 고를 수 없습니다.");
    const { page, pages } = await pageOf(q.data.page);
    const live = await findLiveLayout(ctx.db, page.key);
    const placed = await publicStoriesById(
      ctx.db,
      (live?.placements ?? []).map((p) => p.articleId),
      ctx.now(),
    );
    const numById = new Map([...placed.values()].map((a) => [a.id, a.num]));
    return render(request, reply, page, pages, rowsOf(page, live?.placements ?? [], numById));
  });

  app.post("/newsroom/frontpage", async (request, reply) => {
    const user = requirePermission(request, "frontpage.manage");
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(Action, body);
    const { page, pages } = await pageOf(form.page);
    const rows = rowsFromBody(page, body);
    const applyAt = form.applyAt ?? "";
    try {
      if (form.move) {
        // Without a script, ▲/▼ are submit buttons: the form comes back with the two rows swapped.
        const [slot, pos, dir] = form.move.split(".") as [string, string, "up" | "down"];
        const list = rows[slot];
        if (list) rows[slot] = moveWithin(list, Number(pos) - 1, dir);
        return render(request, reply, page, pages, rows, { applyAt });
      }
      const placements = await placementsOf(ctx, rows);
      if (form.op === "apply") {
        await applyLayout(deps, user, page.key, placements);
        return reply.redirect(
          `/newsroom/frontpage?page=${encodeURIComponent(page.key)}&notice=layout_applied`,
          303,
        );
      }
      if (form.op === "schedule") {
        const at = parseKstLocal(applyAt);
        if (at === null) throw fail("invalid_form", "적용 시각을 YYYY-MM-DD HH:MM 형식으로 적어 주세요.");
        await scheduleLayout(deps, user, page.key, placements, at);
        return reply.redirect(
          `/newsroom/frontpage?page=${encodeURIComponent(page.key)}&notice=layout_scheduled`,
          303,
        );
      }
      // 미리보기: the page as it would stand with these placements, nothing kept.
      await checkPlacements(ctx, page, placements, ctx.now());
      return render(request, reply, page, pages, rows, { preview: placements, applyAt });
    } catch (error) {
      if (error instanceof AppError && error.status === 400) {
        return render(request, reply, page, pages, rows, { error: error.message, status: 400, applyAt });
      }
      throw error;
    }
  });

  app.post("/newsroom/frontpage/scheduled/:id/cancel", async (request, reply) => {
    const user = requirePermission(request, "frontpage.manage");
    const params = z
      .object({ id: z.coerce.number().int().min(1).max(2_147_483_647) })
      .safeParse(request.params);
    if (!params.success) throw fail("not_found", "예약된 편집판");
    const form = parseForm(z.object({ page: z.string().max(80) }), request.body);
    const { page } = await pageOf(form.page);
    await cancelScheduledLayout(deps, user, page.key, params.data.id);
    return reply.redirect(
      `/newsroom/frontpage?page=${encodeURIComponent(page.key)}&notice=layout_cancelled`,
      303,
    );
  });

  const LogQuery = z.object({
    from: z.string().max(20).optional(),
    to: z.string().max(20).optional(),
    page: z.string().max(80).optional(),
    p: z.coerce.number().int().min(1).max(10_000).optional(),
  });

  async function logFilter(query: unknown) {
    const q = LogQuery.safeParse(query);
    if (!q.success) throw fail("invalid_request", "기록 조회 조건이 올바르지 않습니다.");
    const today = kstDay(ctx.now());
    const fromDay = q.data.from || kstDay(ctx.now() - 6 * 24 * 3600_000);
    const toDay = q.data.to || today;
    const from = parseKstDay(fromDay);
    const toStart = parseKstDay(toDay);
    if (from === null || toStart === null) {
      throw fail("invalid_request", "날짜는 YYYY-MM-DD 형식으로 적어 주세요.");
    }
    if (toStart < from) throw fail("invalid_request", "끝 날짜가 시작 날짜보다 앞설 수 없습니다.");
    if (toStart - from > LOG_MAX_DAYS * 24 * 3600_000) {
      throw fail("invalid_request", `한 번에 ${LOG_MAX_DAYS}일까지 볼 수 있습니다.`);
    }
    const { pages } = await pageOf(undefined);
    const page = q.data.page ? (pages.find((p) => p.key === q.data.page) ?? null) : null;
    if (q.data.page && !page) throw fail("invalid_request", "편집판을 고를 수 없습니다.");
    return {
      pages,
      fromDay,
      toDay,
      page,
      pageNo: q.data.p ?? 1,
      filter: { page: page?.key ?? null, from, to: toStart + 24 * 3600_000 },
    };
  }

  const pageName = (pages: LayoutPage[], key: PageKey) => pages.find((p) => p.key === key)?.name ?? key;

  app.get("/newsroom/frontpage/log", async (request, reply) => {
    requirePermission(request, "frontpage.manage");
    const f = await logFilter(request.query);
    const rows = await listLog(ctx.db, f.filter, LOG_PAGE_SIZE + 1, (f.pageNo - 1) * LOG_PAGE_SIZE);
    const shown: LogRow[] = rows.slice(0, LOG_PAGE_SIZE).map((r) => ({
      id: r.id,
      page: pageName(f.pages, r.page),
      slot: r.slot_label,
      num: r.article_num,
      title: r.title,
      source: r.source,
      mode: r.mode,
      from: r.from_at,
      until: r.until_at,
    }));
    return sendPage(
      reply,
      <LayoutLogPage
        {...(await pageBase(ctx, request))}
        rows={shown}
        pages={f.pages.map((p) => ({ key: p.key, name: p.name }))}
        filter={{ from: f.fromDay, to: f.toDay, page: f.page?.key ?? "" }}
        pageNo={f.pageNo}
        hasNext={rows.length > LOG_PAGE_SIZE}
      />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/frontpage/log.csv", async (request, reply) => {
    requirePermission(request, "frontpage.manage");
    const f = await logFilter(request.query);
    const rows = await listLog(ctx.db, f.filter, CSV_MAX_ROWS);
    const csv = toCsv([
      ["페이지", "자리", "기사 번호", "제목(게재 당시)", "제공", "방식", "게재 시작(KST)", "게재 종료(KST)"],
      ...rows.map((r) => [
        pageName(f.pages, r.page),
        r.slot_label,
        r.article_num,
        r.title,
        r.source ?? "자사",
        r.mode === "manual" ? "수동" : "자동",
        formatKst(r.from_at),
        r.until_at === null ? "게재 중" : formatKst(r.until_at),
      ]),
    ]);
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("cache-control", "no-store")
      .header(
        "content-disposition",
        attachmentHeader(
          `편집판 기록 ${f.fromDay}~${f.toDay}.csv`,
          `frontpage-log-${f.fromDay}-${f.toDay}.csv`,
        ),
      )
      .send(csv);
  });
}
