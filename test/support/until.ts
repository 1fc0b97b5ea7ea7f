/**
 * Asks until `ok(value)` holds, with a short pause between questions, or fails naming `what`
 * after `deadlineMs` (generous: a busy machine must not fail a test; the condition decides).
 * For what arrives a moment later: PostgreSQL's NOTIFY on its own connection, a job's run, a mail.
 */
export async function until<T>(ask: () => Promise<T> | T, ok: (value: T) => boolean, what: string, deadlineMs = 60_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await ask();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`not within ${deadlineMs / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
