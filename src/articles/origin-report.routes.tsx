import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { attachmentHeader, toCsv } from "../lib/csv.ts";
import { fail } from "../lib/errors.ts";
import { formatKst, formatKstDate } from "../lib/kst-time.ts";
import { can } from "../staff/staff.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { absoluteUrl, paths } from "../web/paths.ts";
import { formatShare, kstDate, ORIGIN_LABELS, OWN_SHARE_MIN } from "./origin.ts";
import { currentWeekShare, listArticlesForCsv, loadOriginReport } from "./origin-report.service.ts";
import { OriginReportPage } from "./origin-report.view.tsx";
import { STATUS_LABELS } from "./workflow.ts";

const DAY = 24 * 3600_000;
/** The longest period one CSV covers. */
const CSV_MAX_DAYS = 3660;

const MonthQuery = z.object({ month: z.string().max(20).optional() });
const RangeQuery = z.object({ from: z.string().max(20).optional(), to: z.string().max(20).optional() });

/** The own-reporting report (신문법 시행령 §2) and its warning on the newsroom home. */
export function registerOriginReportRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps = { db: ctx.db, now: ctx.now };

  // Editors and admins are warned on the newsroom home while this week is under the rule.
  ctx.newsroomAlerts.push(async (user) => {
    if (!can(user.role, "article.view_desk")) return [];
    const week = await currentWeekShare(deps);
    if (!week.belowRule) return [];
    return [
      {
        code: "own_share_low",
        level: "warning",
        href: "/newsroom/reports/origin",
        message:
          week.articles === 0
            ? `이번 주(${week.label})에 새 기사가 아직 없습니다. 신문법 시행령은 매주 새 기사 게재를 요구합니다.`
            : `이번 주(${week.label}) 자체 기사 비율이 ${formatShare(week.share)}입니다(새 기사 ${week.articles}건 중 ${week.own}건). 주간 ${Math.round(OWN_SHARE_MIN * 100)}% 이상이어야 합니다.`,
      },
    ];
  });

  app.get("/newsroom/reports/origin", async (request, reply) => {
    const user = requirePermission(request, "article.view_desk");
    const q = MonthQuery.safeParse(request.query);
    if (!q.success) throw fail("invalid_request", "월은 2026-03처럼 적어 주세요.");
    const report = await loadOriginReport(deps, user, q.data.month || undefined);
    return sendPage(
      reply,
      <OriginReportPage
        {...(await pageBase(ctx, request))}
        report={report}
        today={formatKstDate(ctx.now())}
      />,
      200,
      "no-store",
    );
  });

  app.get("/newsroom/reports/origin.csv", async (request, reply) => {
    const user = requirePermission(request, "article.view_desk");
    const q = RangeQuery.safeParse(request.query);
    const from = q.success && q.data.from ? kstDate(q.data.from) : null;
    const to = q.success && q.data.to ? kstDate(q.data.to) : null;
    if (from === null || to === null)
      throw fail("invalid_request", "시작일과 종료일을 2026-03-01처럼 적어 주세요.");
    if (from > to) throw fail("invalid_request", "시작일이 종료일보다 늦습니다.");
    if (to - from > CSV_MAX_DAYS * DAY)
      throw fail("invalid_request", "한 번에 10년까지 내려받을 수 있습니다. 기간을 나눠 주세요.");
    const rows = await listArticlesForCsv(deps, user, { start: from, end: to + DAY });
    const csv = toCsv([
      ["기사 번호", "제목", "섹션", "기자", "상태", "출처 구분", "통신사·출처", "발행", "수정", "주소"],
      ...rows.map((r) => [
        r.num,
        r.title,
        r.section,
        r.authors.join(", "),
        STATUS_LABELS[r.status],
        ORIGIN_LABELS[r.origin],
        r.originSource,
        formatKst(r.publishedAt),
        r.updatedAt === null ? "" : formatKst(r.updatedAt),
        absoluteUrl(ctx.config.siteUrl, paths.article(r.num)),
      ]),
    ]);
    const name = `기사목록_${formatKstDate(from)}_${formatKstDate(to)}.csv`;
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header(
        "content-disposition",
        attachmentHeader(name, `articles-${formatKstDate(from)}-${formatKstDate(to)}.csv`),
      )
      .header("cache-control", "no-store")
      .send(csv);
  });
}
