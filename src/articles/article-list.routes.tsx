import type { FastifyInstance } from "fastify";
import { fail } from "../lib/errors.ts";
import { can } from "../staff/staff.ts";
import { sendPage, type WebContext } from "../web/context.ts";
import { requirePermission } from "../web/newsroom/auth.ts";
import { pageBase } from "../web/newsroom/page.ts";
import { listWriters } from "./article-list.repo.ts";
import { listForNewsroom, runBulkAction } from "./article-list.service.ts";
import { BULK_ACTION_LABELS, BulkForm, ListQuery } from "./article-list.ts";
import { BulkResultPage, NewsroomListPage } from "./article-list.view.tsx";
import { listSectionsForEditor } from "./desk.repo.ts";
import type { DeskDeps } from "./desk.service.ts";

/** Only the list itself may be gone back to after a bulk action. */
const LIST_PATH = /^\/newsroom\/articles(\?[^#\s]*)?$/;

/** The newsroom's article list (search, filters, sort, pages) and its bulk actions (issue 15 §6). */
export function registerArticleListRoutes(app: FastifyInstance, ctx: WebContext): void {
  const deps: DeskDeps = { db: ctx.db, dialect: ctx.dialect, now: ctx.now, bus: ctx.bus };

  async function sectionChoices() {
    const rows = await listSectionsForEditor(ctx.db);
    const roots = rows.filter((s) => s.parent_id === null);
    return roots.flatMap((root) => [
      { id: root.id, label: root.name },
      ...rows
        .filter((s) => s.parent_id === root.id)
        .map((c) => ({ id: c.id, label: `${root.name} › ${c.name}` })),
    ]);
  }

  app.get("/newsroom/articles", async (request, reply) => {
    const user = requirePermission(request, "article.create");
    const parsed = ListQuery.safeParse(request.query ?? {});
    if (!parsed.success) {
      throw fail("invalid_request", parsed.error.issues[0]?.message ?? "목록 조건이 올바르지 않습니다.");
    }
    const chrome = await ctx.chrome();
    const [{ rows, total }, sections, reporters] = await Promise.all([
      listForNewsroom(deps, user, chrome.sections, parsed.data),
      sectionChoices(),
      can(user.role, "article.edit_any") ? listWriters(ctx.db) : null,
    ]);
    return sendPage(
      reply,
      <NewsroomListPage
        {...(await pageBase(ctx, request))}
        query={parsed.data}
        rows={rows}
        total={total}
        options={{ sections, reporters }}
      />,
      200,
      "no-store",
    );
  });

  app.post("/newsroom/articles/bulk", async (request, reply) => {
    const user = requirePermission(request, "article.create");
    const parsed = BulkForm.safeParse(request.body ?? {});
    if (!parsed.success)
      throw fail("bulk_invalid", parsed.error.issues[0]?.message ?? "입력한 값을 확인해 주세요.");
    const outcomes = await runBulkAction(deps, user, parsed.data);
    const back = LIST_PATH.test(parsed.data.back) ? parsed.data.back : "/newsroom/articles";
    return sendPage(
      reply,
      <BulkResultPage
        {...(await pageBase(ctx, request))}
        outcomes={outcomes}
        back={back}
        action={BULK_ACTION_LABELS[parsed.data.action]}
      />,
      200,
      "no-store",
    );
  });
}
