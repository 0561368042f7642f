import { absoluteUrl, paths } from "../paths.ts";
import type { Chrome } from "./chrome.ts";

/**
 * schema.org objects every page builds on (JSON-LD): the paper as a NewsMediaOrganization with its
 * logo, and the site as a WebSite whose search box crawlers may use. Google's rules: the logo fits
 * 600×60, the SearchAction's target carries `{search_term_string}`.
 */
export function organizationJsonLd(chrome: Chrome) {
  const logo = chrome.images.logo;
  return {
    "@type": "NewsMediaOrganization",
    "@id": `${chrome.siteUrl}/#organization`,
    name: chrome.site.name,
    url: `${chrome.siteUrl}/`,
    logo: {
      "@type": "ImageObject",
      url: absoluteUrl(chrome.siteUrl, logo.src),
      width: logo.width,
      height: logo.height,
    },
    ...(chrome.site.youtubeUrl ? { sameAs: [chrome.site.youtubeUrl] } : {}),
  };
}

export function websiteJsonLd(chrome: Chrome) {
  return {
    "@type": "WebSite",
    "@id": `${chrome.siteUrl}/#website`,
    name: chrome.site.name,
    url: `${chrome.siteUrl}/`,
    inLanguage: "ko-KR",
    publisher: { "@id": `${chrome.siteUrl}/#organization` },
    potentialAction: {
      "@type": "SearchAction",
      target: {
        "@type": "EntryPoint",
        urlTemplate: `${chrome.siteUrl}${paths.search()}?q={search_term_string}`,
      },
      "query-input": "required name=search_term_string",
    },
  };
}

/** A BreadcrumbList from the home page down the given trail (name and path of each step). */
export function breadcrumbJsonLd(chrome: Chrome, trail: readonly { name: string; path: string }[]) {
  const steps = [{ name: chrome.site.name, path: paths.home() }, ...trail];
  return {
    "@type": "BreadcrumbList",
    itemListElement: steps.map((s, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: s.name,
      item: absoluteUrl(chrome.siteUrl, s.path),
    })),
  };
}

/** Several objects in one JSON-LD block. */
export function graph(...nodes: object[]) {
  return { "@context": "https://schema.org", "@graph": nodes };
}
