/**
 * Who is not a reader. Crawlers, link previews, monitors and scripts do not run the page's script, so
 * most never send a beacon; the ones that do (headless browsers, scripted replays) are told apart by
 * their user agent. Kept as data: add a line when a new one shows up in the logs.
 *
 * Matching is case-insensitive on substrings, so each entry must be specific enough not to hit a
 * browser. Korean apps' in-app browsers carry their app's name (`KAKAOTALK 10.4.1`, `NAVER(inapp; …)`,
 * `DaumApps/…`): those are readers, so the entries name the crawlers exactly (`kakaotalk-scrap`,
 * `Yeti/`, `Daum/`, `Daumoa`), never the bare company name.
 */
export const BOT_AGENTS: readonly { pattern: string; who: string }[] = [
  // Search engines
  { pattern: "googlebot", who: "Google" },
  { pattern: "google-inspectiontool", who: "Google Search Console" },
  { pattern: "googleother", who: "Google" },
  { pattern: "google-extended", who: "Google" },
  { pattern: "storebot-google", who: "Google" },
  { pattern: "adsbot-google", who: "Google Ads" },
  { pattern: "mediapartners-google", who: "Google AdSense" },
  { pattern: "apis-google", who: "Google" },
  { pattern: "feedfetcher-google", who: "Google" },
  { pattern: "google-read-aloud", who: "Google" },
  { pattern: "google page speed", who: "Google PageSpeed" },
  { pattern: "bingbot", who: "Bing" },
  { pattern: "bingpreview", who: "Bing" },
  { pattern: "msnbot", who: "Bing" },
  { pattern: "adidxbot", who: "Bing Ads" },
  { pattern: "yeti/", who: "Naver" },
  { pattern: "naverbot", who: "Naver" },
  { pattern: "daum/", who: "Daum (Kakao)" },
  { pattern: "daumoa", who: "Daum (Kakao)" },
  { pattern: "duckduckbot", who: "DuckDuckGo" },
  { pattern: "applebot", who: "Apple" },
  { pattern: "baiduspider", who: "Baidu" },
  { pattern: "yandex", who: "Yandex" },
  { pattern: "sogou", who: "Sogou" },
  { pattern: "360spider", who: "360" },
  { pattern: "bytespider", who: "ByteDance" },
  { pattern: "petalbot", who: "Huawei" },
  { pattern: "seznambot", who: "Seznam" },
  // Link previews and social networks
  { pattern: "kakaotalk-scrap", who: "KakaoTalk link preview" },
  { pattern: "kakaostory-og-reader", who: "KakaoStory link preview" },
  { pattern: "facebookexternalhit", who: "Facebook" },
  { pattern: "facebookcatalog", who: "Facebook" },
  { pattern: "meta-externalagent", who: "Meta" },
  { pattern: "meta-externalfetcher", who: "Meta" },
  { pattern: "twitterbot", who: "X (Twitter)" },
  { pattern: "linkedinbot", who: "LinkedIn" },
  { pattern: "slackbot", who: "Slack" },
  { pattern: "slack-imgproxy", who: "Slack" },
  { pattern: "discordbot", who: "Discord" },
  { pattern: "telegrambot", who: "Telegram" },
  { pattern: "whatsapp", who: "WhatsApp" },
  { pattern: "line-poker", who: "LINE" },
  { pattern: "pinterest", who: "Pinterest" },
  { pattern: "redditbot", who: "Reddit" },
  { pattern: "skypeuripreview", who: "Skype" },
  { pattern: "embedly", who: "Embedly" },
  { pattern: "iframely", who: "Iframely" },
  // AI crawlers
  { pattern: "gptbot", who: "OpenAI" },
  { pattern: "chatgpt-user", who: "OpenAI" },
  { pattern: "oai-searchbot", who: "OpenAI" },
  { pattern: "claudebot", who: "Anthropic" },
  { pattern: "claude-web", who: "Anthropic" },
  { pattern: "claude-user", who: "Anthropic" },
  { pattern: "anthropic-ai", who: "Anthropic" },
  { pattern: "perplexitybot", who: "Perplexity" },
  { pattern: "perplexity-user", who: "Perplexity" },
  { pattern: "ccbot", who: "Common Crawl" },
  { pattern: "amazonbot", who: "Amazon" },
  { pattern: "cohere-ai", who: "Cohere" },
  { pattern: "diffbot", who: "Diffbot" },
  // SEO tools and archives
  { pattern: "ahrefsbot", who: "Ahrefs" },
  { pattern: "semrushbot", who: "Semrush" },
  { pattern: "mj12bot", who: "Majestic" },
  { pattern: "dotbot", who: "Moz" },
  { pattern: "rogerbot", who: "Moz" },
  { pattern: "screaming frog", who: "Screaming Frog" },
  { pattern: "archive.org_bot", who: "Internet Archive" },
  { pattern: "ia_archiver", who: "Alexa / Internet Archive" },
  // Headless and automated browsers, performance tools
  { pattern: "headlesschrome", who: "headless Chrome" },
  { pattern: "headless", who: "headless browser" },
  { pattern: "phantomjs", who: "PhantomJS" },
  { pattern: "puppeteer", who: "Puppeteer" },
  { pattern: "playwright", who: "Playwright" },
  { pattern: "selenium", who: "Selenium" },
  { pattern: "lighthouse", who: "Lighthouse" },
  { pattern: "pagespeed", who: "PageSpeed" },
  { pattern: "ptst/", who: "WebPageTest" },
  { pattern: "gtmetrix", who: "GTmetrix" },
  // Monitors
  { pattern: "uptimerobot", who: "UptimeRobot" },
  { pattern: "pingdom", who: "Pingdom" },
  { pattern: "statuscake", who: "StatusCake" },
  { pattern: "site24x7", who: "Site24x7" },
  { pattern: "datadogsynthetics", who: "Datadog" },
  { pattern: "newrelicpinger", who: "New Relic" },
  // Scripts and HTTP libraries
  { pattern: "curl/", who: "curl" },
  { pattern: "wget/", who: "Wget" },
  { pattern: "python-requests", who: "Python requests" },
  { pattern: "python-urllib", who: "Python urllib" },
  { pattern: "python-httpx", who: "Python httpx" },
  { pattern: "aiohttp", who: "Python aiohttp" },
  { pattern: "scrapy", who: "Scrapy" },
  { pattern: "go-http-client", who: "Go" },
  { pattern: "okhttp", who: "OkHttp" },
  { pattern: "java/", who: "Java" },
  { pattern: "apache-httpclient", who: "Apache HttpClient" },
  { pattern: "axios/", who: "axios" },
  { pattern: "node-fetch", who: "node-fetch" },
  { pattern: "undici", who: "Node.js undici" },
  { pattern: "libwww-perl", who: "Perl" },
  { pattern: "php/", who: "PHP" },
  { pattern: "guzzlehttp", who: "PHP Guzzle" },
  { pattern: "ruby", who: "Ruby" },
  { pattern: "httpie", who: "HTTPie" },
  { pattern: "postmanruntime", who: "Postman" },
  { pattern: "insomnia", who: "Insomnia" },
  { pattern: "autocannon", who: "autocannon" },
  { pattern: "k6/", who: "k6" },
  { pattern: "apachebench", who: "ab" },
];

/**
 * Words that mark a robot whatever its name (`…Bot/2.1`, `…-crawler`, `…spider`). `bot` must end a
 * word, so a phone called CUBOT is not one; the words are only matched where they end a token.
 */
const GENERIC = /(?:bot|crawler|spider|scraper|fetcher|preview|monitor|checker)(?:[\s/;:)_.-]|$)/;
/** Words that look like a robot's but belong to browsers (a phone brand, an in-app browser). */
const NOT_BOTS = /\bcubot\b/g;

const KNOWN = new RegExp(BOT_AGENTS.map((b) => b.pattern.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"));

function classify(userAgent: string): boolean {
  const ua = userAgent.toLowerCase().replace(NOT_BOTS, "");
  if (ua.trim().length < 8) return true;
  return KNOWN.test(ua) || GENERIC.test(ua);
}

/**
 * Answers already given, by user agent. Readers come in a few thousand distinct user agents, and a
 * beacon should not pay for a hundred-way regular expression each time. Emptied when full, so a
 * flood of made-up user agents costs memory only up to the bound.
 */
const known = new Map<string, boolean>();
const KNOWN_MAX = 20_000;

/** True for crawlers, previews, monitors, scripts and headless browsers, and for no user agent at all. */
export function isBot(userAgent: string | undefined): boolean {
  if (!userAgent) return true;
  let answer = known.get(userAgent);
  if (answer === undefined) {
    answer = userAgent.length > 1000 || classify(userAgent);
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(userAgent, answer);
  }
  return answer;
}
