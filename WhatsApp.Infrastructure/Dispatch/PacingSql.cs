namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>
/// PostgreSQL only: the statements of <see cref="SharedSenderPacer"/>, which coordinates the instances' sends per
/// sender through two small tables. Not domain writes: each runs on its own, committed at once.
/// </summary>
internal static class PacingSql
{
    /// <summary>
    /// PostgreSQL only: takes the sender's next reservation slot (it moves on by <c>@interval</c> from itself or from
    /// now, whichever is later) and returns how many seconds from now it starts. The database's clock, not the
    /// instances', so clocks that differ between machines cannot bunch sends up.
    /// </summary>
    public const string ReserveSenderSlot =
        """
        INSERT INTO "SenderPacing" AS p ("Sender", "NextReservation") VALUES (@sender, clock_timestamp() + @interval)
        ON CONFLICT ("Sender") DO UPDATE SET "NextReservation" = GREATEST(p."NextReservation", clock_timestamp()) + @interval
        RETURNING EXTRACT(EPOCH FROM (p."NextReservation" - @interval - clock_timestamp()))::float8
        """;

    /// <summary>
    /// PostgreSQL only: takes one of the sender's send permits for <c>@holder</c> until <c>@held_at_most</c> from now,
    /// and returns the slot taken (NULL when all <c>@limit</c> are held) and the seconds until the first held one
    /// expires. The slot that expired first is reused; rows another instance is taking right now are skipped, and one
    /// it took since this statement began fails the expiry re-check on its new version, so a slot has one holder at a
    /// time. A sender with no free slot and fewer than <c>@limit</c> gets a new one (the key settles a race for it), so
    /// rows grow to the most permits ever held at once, never past the limit. Expiry is compared with
    /// <c>statement_timestamp()</c>: stable, so the index can seek on it, and a little early, which only errs towards
    /// holding.
    /// </summary>
    public const string TakeSendPermit =
        """
        WITH free AS (
            SELECT "Slot" FROM "SenderPermits"
            WHERE "Sender" = @sender AND "ExpiresAt" <= statement_timestamp() AND "Slot" < @limit
            ORDER BY "ExpiresAt" LIMIT 1
            FOR UPDATE SKIP LOCKED),
        reused AS (
            UPDATE "SenderPermits" AS p SET "Holder" = @holder, "ExpiresAt" = clock_timestamp() + @held_at_most
            FROM free WHERE p."Sender" = @sender AND p."Slot" = free."Slot"
            RETURNING p."Slot"),
        added AS (
            INSERT INTO "SenderPermits" ("Sender", "Slot", "Holder", "ExpiresAt")
            SELECT @sender, COALESCE(MAX("Slot") + 1, 0), @holder, clock_timestamp() + @held_at_most
            FROM "SenderPermits" WHERE "Sender" = @sender
            HAVING COALESCE(MAX("Slot") + 1, 0) < @limit AND NOT EXISTS (SELECT 1 FROM free)
            ON CONFLICT DO NOTHING
            RETURNING "Slot")
        SELECT (SELECT "Slot" FROM reused UNION ALL SELECT "Slot" FROM added LIMIT 1),
            (SELECT EXTRACT(EPOCH FROM MIN("ExpiresAt") - clock_timestamp())::float8
             FROM "SenderPermits" WHERE "Sender" = @sender AND "Slot" < @limit)
        """;

    /// <summary>
    /// PostgreSQL only: a held permit, its answer in, stays held <c>@held_after</c> from now (the database's clock), if
    /// <c>@holder</c> still holds it.
    /// </summary>
    public const string ReleaseSendPermit =
        """
        UPDATE "SenderPermits" SET "ExpiresAt" = clock_timestamp() + @held_after
        WHERE "Sender" = @sender AND "Slot" = @slot AND "Holder" = @holder
        """;
}
