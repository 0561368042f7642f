/**
 * The newsroom's session cookie. Its own module because the page cache must recognise staff
 * requests (never cached) without depending on the newsroom's sign-in code.
 */
export const SESSION_COOKIE = "jikji_session";
