import type { Assets } from "./assets.ts";
import type { Chrome } from "./chrome.ts";
import { Layout } from "./layout.tsx";

const TEXT: Record<number, { title: string; lead: string }> = {
  404: {
    title: "페이지를 찾을 수 없습니다",
    lead: "주소가 바뀌었거나 삭제된 페이지입니다. 주소를 다시 확인해 주세요.",
  },
  410: {
    title: "게재가 중단된 기사입니다",
    lead: "이 기사는 게재가 중단되었습니다.",
  },
  500: {
    title: "일시적인 오류가 발생했습니다",
    lead: "잠시 후 다시 시도해 주세요. 문제가 계속되면 편집국에 알려 주세요.",
  },
};

/** A Korean error page in the site's frame; `chrome` is null when even the frame could not be loaded. */
export function ErrorPage({
  status,
  chrome,
  assets,
  message,
}: {
  status: number;
  chrome: Chrome | null;
  assets: Assets;
  message?: string;
}) {
  const text = TEXT[status] ?? {
    title: "요청을 처리할 수 없습니다",
    lead: message ?? "입력한 내용을 확인해 주세요.",
  };
  const body = (
    <section class="error-page">
      <p class="error-page__status">{status}</p>
      <h1>{text.title}</h1>
      <p>{message && status < 500 && status !== 404 ? message : text.lead}</p>
      <p>
        <a href="/">첫 화면으로 가기</a>
      </p>
    </section>
  );
  if (chrome) {
    return (
      <Layout chrome={chrome} assets={assets} meta={{ title: text.title, noindex: true }}>
        {body}
      </Layout>
    );
  }
  return (
    <html lang="ko">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{text.title}</title>
        <link rel="stylesheet" href={assets.url("site.css")} />
      </head>
      <body>
        <main class="site-main">{body}</main>
      </body>
    </html>
  );
}
