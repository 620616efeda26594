namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The hand-written SQL of the hot write paths, in one place. It is the standard <c>INSERT … ON CONFLICT</c> and
/// <c>UPDATE</c> that SQLite and PostgreSQL both run; a provider that needs its own spelling changes only this file.
/// Identifiers are EF Core's (property names); parameters are bound through the EF model (<see cref="SqlCall{T}"/>).
/// Only <see cref="WriteContext"/> runs them.
/// </summary>
internal static class WriteSql
{
    /// <summary>
    /// SQLite only, run once on the write queue's connection. Each write runs in a savepoint, and SQLite copies every
    /// page a savepoint changes into a sub-journal first; by default that is a temporary file, one <c>pwrite</c> per
    /// page, which cost the single writer more than the statements themselves. In memory it is a copy. The WAL is
    /// copied back into the database (a checkpoint) every 4,000 pages rather than SQLite's 1,000: a page that many
    /// batches rewrite (an index's last page, a busy contact's row) is copied once per checkpoint, so fewer pages are
    /// written twice (webhooks: +11% over 7 alternating pairs). The WAL file grows to about 16 MB.
    /// </summary>
    public const string SqliteWriteSession = "PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 4000";

    /// <summary>A nonce is new, or was last seen before <c>@cutoff</c>: 1 row. Seen within the window (a replay): 0.</summary>
    public const string NonceFirstUse =
        """ON CONFLICT ("Nonce") DO UPDATE SET "SeenAt" = excluded."SeenAt" WHERE "WebhookNonces"."SeenAt" <= @cutoff""";

    public const string SetConversation =
        """UPDATE "Messages" SET "Conversation" = @conversation WHERE "ProviderMessageId" = @provider_id AND "Direction" = @outbound""";

    /// <summary>
    /// Gives the outbound message a status callback's <c>ref</c> names the report's provider id, if it has none and no
    /// other message holds that id (the unique index would refuse it; the report is then matched by the id alone).
    /// </summary>
    public const string ClaimProviderIdByRef =
        """
        UPDATE "Messages" SET "ProviderMessageId" = @provider_id
        WHERE "Id" = @id AND "Direction" = @outbound AND "ProviderMessageId" IS NULL
            AND NOT EXISTS (SELECT 1 FROM "Messages" AS "Holder" WHERE "Holder"."ProviderMessageId" = @provider_id)
        """;

    /// <summary>Marks a claimed message as being sent, if this dispatcher still holds it.</summary>
    public const string StartSending =
        """
        UPDATE "Messages" SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next_attempt_at,
            "UpdatedAt" = @updated_at, "LeaseExpiresAt" = @lease_until
        WHERE "Id" = @id AND "Status" = @queued AND "LeaseOwner" = @lease_owner
        """;

    /// <summary>
    /// Stores the outcome of a send and frees the message's lease, while the message is still <c>@sending</c> (or
    /// <c>@outcome_unknown</c>, if its lease ran out meanwhile). 0 rows: a status report settled it first.
    /// </summary>
    public const string SaveOutcome =
        """
        UPDATE "Messages" SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next_attempt_at,
            "ProviderMessageId" = COALESCE("ProviderMessageId", @provider_id), "ErrorCode" = @error_code,
            "ErrorReason" = @error_reason, "SentAt" = @sent_at, "UpdatedAt" = @updated_at,
            "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL
        WHERE "Id" = @id AND "Status" IN (@sending, @outcome_unknown)
        """;

    /// <summary>
    /// The outcome of a send that a status report (matched by its <c>ref</c>) settled while the request was in
    /// flight: Plivo's report stands, so only the attempt, the send time and a missing uuid are stored, and the lease freed.
    /// </summary>
    public const string SaveSettledOutcome =
        """
        UPDATE "Messages" SET "Attempts" = @attempts, "ProviderMessageId" = COALESCE("ProviderMessageId", @provider_id),
            "SentAt" = COALESCE("SentAt", @sent_at), "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL
        WHERE "Id" = @id
        """;

    /// <summary>
    /// Leases up to <c>@max</c> due messages that nobody holds and returns their ids. The WHERE is re-checked on the
    /// rows it updates, so two dispatchers can never lease one message.
    /// </summary>
    public const string ClaimDue = ClaimDueHead + ")" + ClaimDueTail;

    /// <summary>
    /// <see cref="ClaimDue"/> for PostgreSQL, where several instances claim at once: rows another instance is
    /// claiming right now are skipped instead of waited for (the WHERE re-check alone would already keep them apart).
    /// </summary>
    public const string ClaimDueSkipLocked = ClaimDueHead + " FOR UPDATE SKIP LOCKED)" + ClaimDueTail;

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

    private const string ClaimDueHead =
        """
        UPDATE "Messages" SET "LeaseOwner" = @lease_owner, "LeaseExpiresAt" = @lease_until
        WHERE "Id" IN (
            SELECT "Id" FROM "Messages"
            WHERE "Status" = @queued AND "NextAttemptAt" <= @now AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < @now_utc)
            ORDER BY "NextAttemptAt" LIMIT @max
        """;

    private const string ClaimDueTail =
        """

        AND "Status" = @queued AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < @now_utc)
        RETURNING "Id"
        """;
}
