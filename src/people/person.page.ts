import type { Kysely } from "kysely";
import type { Database, MediaRow, PersonRow } from "../db/schema.ts";
import { parseStringList } from "../lib/json-list.ts";
import { findMediaById } from "../media/media.repo.ts";
import { toImageView } from "../media/media.ts";
import { paths } from "../web/paths.ts";
import type { ArticleSummary, ImageView } from "../web/public/view-models.ts";
import { countArticlesMentioning, listArticlesMentioning } from "./article-people.repo.ts";
import { findPersonByKey, listSpeakerEvents } from "./person.repo.ts";

/** Articles mentioning the person, per page of their profile. */
export const PERSON_ARTICLES_PER_PAGE = 20;

/** What the public person page shows: built from the rows by `toPersonPage`, never the rows. */
export interface PersonPageModel {
  key: string;
  name: string;
  /** organisation and role on one line (`퓨처AI 대표`); empty when neither is known */
  position: string;
  role: string | null;
  organization: string | null;
  aliases: string[];
  bio: string | null;
  /** the person's photo, cropped square around its focal point on the page */
  photo: ImageView | null;
  /** the page's own path, also its canonical address */
  href: string;
  title: string;
  description: string;
  /** events where the person speaks, newest first */
  events: { key: string; title: string; href: string }[];
  /** this page of published articles linking the person, newest first, as cards */
  articles: ArticleSummary[];
  page: number;
  pages: number;
  /** published articles linking the person, in all */
  total: number;
}

export function toPersonPage(input: {
  person: PersonRow;
  photo?: MediaRow | null;
  events: readonly { key: string; title: string }[];
  articles: readonly ArticleSummary[];
  page: number;
  /** how many published articles link the person in all */
  total: number;
}): PersonPageModel {
  const { person } = input;
  const position = [person.organization, person.role].filter(Boolean).join(" ");
  return {
    key: person.key,
    name: person.name,
    position,
    role: person.role,
    organization: person.organization,
    aliases: parseStringList(person.aliases),
    bio: person.bio,
    photo: input.photo ? toImageView(input.photo, { alt: person.name, caption: null, credit: null }) : null,
    href: paths.person(person.key),
    title: position ? `${person.name} ${position}` : person.name,
    description: person.bio ?? `${person.name} ${position}`.trim(),
    events: input.events.map((e) => ({ key: e.key, title: e.title, href: paths.event(e.key) })),
    articles: [...input.articles],
    page: input.page,
    pages: Math.max(1, Math.ceil(input.total / PERSON_ARTICLES_PER_PAGE)),
    total: input.total,
  };
}

/** The public page of the person with this key, or null when there is no such person. */
export async function loadPersonPage(
  db: Kysely<Database>,
  key: string,
  page: number,
  now: number,
): Promise<PersonPageModel | null> {
  const person = await findPersonByKey(db, key);
  if (!person) return null;
  const [events, articles, total, photo] = await Promise.all([
    listSpeakerEvents(db, person.id),
    listArticlesMentioning(
      db,
      person.id,
      now,
      PERSON_ARTICLES_PER_PAGE,
      (page - 1) * PERSON_ARTICLES_PER_PAGE,
    ),
    countArticlesMentioning(db, person.id, now),
    person.photo_media_id === null ? null : findMediaById(db, person.photo_media_id),
  ]);
  return toPersonPage({ person, photo, events, articles, page, total });
}
