import { withParticle } from "../lib/josa.ts";
import { formatKstLong, toKstIso } from "../lib/kst-time.ts";
import { paragraphText } from "../lib/sanitize-html.ts";
import { absoluteUrl, paths } from "../web/paths.ts";
import type { Assets } from "../web/public/assets.ts";
import type { Chrome } from "../web/public/chrome.ts";
import { Layout } from "../web/public/layout.tsx";
import type { SpeakerRef } from "./event.repo.ts";
import { type EventView, venueMapUrl } from "./event.ts";
import { RegistrationBox, type RegistrationBoxProps } from "./registration.view.tsx";

function When({ event }: { event: EventView }) {
  const sameDay =
    event.endsAt !== null &&
    formatKstLong(event.endsAt).slice(0, 14) === formatKstLong(event.startsAt).slice(0, 14);
  return (
    <>
      <time dateTime={toKstIso(event.startsAt)}>{formatKstLong(event.startsAt)}</time>
      {event.endsAt !== null ? (
        <>
          {" ~ "}
          <time dateTime={toKstIso(event.endsAt)}>
            {sameDay ? formatKstLong(event.endsAt).slice(-5) : formatKstLong(event.endsAt)}
          </time>
        </>
      ) : null}
    </>
  );
}

/** The first words of a Korean address that name its region (서울, 경기 성남시 …), for PostalAddress. */
const REGION = /^(서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)\S*/;

/**
 * Event as Google's event results ask it: where (a Place with a PostalAddress), what (description,
 * image: the paper's share image, as events have no photo of their own), its status and mode, and
 * the offer (free registration, with seats left or sold out).
 */
function eventJsonLd(
  chrome: Chrome,
  event: EventView,
  speakers: SpeakerRef[],
  url: string,
  registration: RegistrationBoxProps | undefined,
) {
  const description =
    (event.descriptionHtml ? paragraphText(event.descriptionHtml) : "") ||
    `${chrome.site.name} 주최 ${event.title}`;
  const soldOut = registration?.seatsLeft === 0;
  const region = event.venue ? REGION.exec(event.venue)?.[0] : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description,
    url,
    image: [absoluteUrl(chrome.siteUrl, chrome.images.share.src)],
    startDate: toKstIso(event.startsAt),
    ...(event.endsAt !== null ? { endDate: toKstIso(event.endsAt) } : {}),
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    ...(event.venue
      ? {
          location: {
            "@type": "Place",
            name: event.venue,
            address: {
              "@type": "PostalAddress",
              streetAddress: event.venue,
              ...(region ? { addressRegion: region } : {}),
              addressCountry: "KR",
            },
          },
        }
      : {}),
    organizer: { "@type": "NewsMediaOrganization", name: chrome.site.name, url: `${chrome.siteUrl}/` },
    performer: speakers.map((s) => ({
      "@type": "Person",
      name: s.name,
      url: absoluteUrl(chrome.siteUrl, paths.person(s.key)),
    })),
    offers: {
      "@type": "Offer",
      url: `${url}#register`,
      price: 0,
      priceCurrency: "KRW",
      availability: soldOut ? "https://schema.org/SoldOut" : "https://schema.org/InStock",
    },
  };
}

export function EventPage({
  chrome,
  assets,
  event,
  speakers,
  registration,
}: {
  chrome: Chrome;
  assets: Assets;
  event: EventView;
  speakers: SpeakerRef[];
  /** the registration box; absent where a page shows the event without it */
  registration?: RegistrationBoxProps;
}) {
  const ended = (event.endsAt ?? event.startsAt) <= chrome.now;
  const url = absoluteUrl(chrome.siteUrl, paths.event(event.key));
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: event.title,
        description: `${event.title} - ${formatKstLong(event.startsAt)}${event.venue ? `, ${event.venue}` : ""}`,
        canonical: paths.event(event.key),
        jsonLd: eventJsonLd(chrome, event, speakers, url, registration),
      }}
    >
      <article class="event">
        <p class="event__kind">{chrome.site.name} 주최</p>
        <h1 class="event__title">{event.title}</h1>
        {ended ? <p class="event__ended">종료된 행사입니다.</p> : null}
        <dl class="event__facts">
          <dt>일시</dt>
          <dd>
            <When event={event} />
          </dd>
          {event.venue ? (
            <>
              <dt>장소</dt>
              <dd>
                {event.venue}{" "}
                <a
                  class="event__map"
                  href={venueMapUrl(event.venue)}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  지도 보기
                </a>
              </dd>
            </>
          ) : null}
          {event.capacity !== null ? (
            <>
              <dt>정원</dt>
              <dd>{event.capacity.toLocaleString("ko-KR")}명</dd>
            </>
          ) : null}
          {registration && registration.seatsLeft !== null && !ended ? (
            <>
              <dt>남은 자리</dt>
              <dd data-testid="seats-left">{registration.seatsLeft.toLocaleString("ko-KR")}석</dd>
            </>
          ) : null}
        </dl>
        {event.descriptionHtml ? (
          <div
            class="event__description article__body"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the description was sanitised to the editor's allow-list when stored (lib/sanitize-html.ts).
            dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
          />
        ) : null}
        {speakers.length ? (
          <section class="event__speakers" aria-labelledby="speakers-title">
            <h2 id="speakers-title" class="box-title">
              연사
            </h2>
            <ul>
              {speakers.map((s) => (
                <li key={s.key}>
                  <a href={paths.person(s.key)}>{s.name}</a>
                  {s.organization || s.role ? (
                    <span class="event__speaker-role">
                      {" "}
                      {[s.organization, s.role].filter(Boolean).join(" ")}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {registration ? <RegistrationBox event={event} box={registration} /> : null}
      </article>
    </Layout>
  );
}

function EventItem({ event }: { event: EventView }) {
  return (
    <li class="event-item">
      <a href={paths.event(event.key)}>
        <strong>{event.title}</strong>
      </a>
      <span class="event-item__when">
        <When event={event} />
        {event.venue ? ` · ${event.venue}` : ""}
      </span>
    </li>
  );
}

export function EventListPage({
  chrome,
  assets,
  upcoming,
  past,
}: {
  chrome: Chrome;
  assets: Assets;
  upcoming: EventView[];
  past: EventView[];
}) {
  return (
    <Layout
      chrome={chrome}
      assets={assets}
      meta={{
        title: "행사",
        description: `${withParticle(chrome.site.name, "이/가")} 여는 포럼과 세미나`,
        canonical: "/events",
      }}
    >
      <h1 class="section-head__title">행사</h1>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title" class="box-title">
          다가오는 행사
        </h2>
        {upcoming.length ? (
          <ul class="event-list">
            {upcoming.map((e) => (
              <EventItem key={e.key} event={e} />
            ))}
          </ul>
        ) : (
          <p class="empty">예정된 행사가 없습니다.</p>
        )}
      </section>
      {past.length ? (
        <section aria-labelledby="past-title">
          <h2 id="past-title" class="box-title">
            지난 행사
          </h2>
          <ul class="event-list">
            {past.map((e) => (
              <EventItem key={e.key} event={e} />
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
