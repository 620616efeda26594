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
    /// written twice (measured in bench/README.md). The WAL file grows to about 16 MB.
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

    /// <summary>Whether a provider id has status reports waiting to be weighed.</summary>
    public const string HasWaitingReports =
        """SELECT 1 FROM "MessageStatusEvents" WHERE "ProviderMessageId" = @provider_id AND "Applied" = @false LIMIT 1""";

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
    public static readonly string ClaimDueSkipLocked = OnceOnPostgres(ClaimDueHead) + " FOR UPDATE SKIP LOCKED))" + ClaimDueTail;

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

    /// <summary>
    /// Up to <c>{1}</c> events not fanned out (<c>{0}</c> is false), oldest first: EF's raw-SQL formatting. On PostgreSQL
    /// the ones another instance is fanning out are skipped, not waited for.
    /// </summary>
    public const string EventsToFanOut = """SELECT * FROM "Events" WHERE "FannedOut" = {0} ORDER BY "Id" LIMIT {1}""";

    public const string EventsToFanOutSkipLocked = EventsToFanOut + " FOR UPDATE SKIP LOCKED";

    /// <summary>
    /// Leases up to <c>@max</c> of an endpoint's due deliveries, oldest first, skipping a contact's delivery while an
    /// earlier one of that contact is due or in flight (so a contact's events go out in order unless one waits for a
    /// retry). Returns their ids; the WHERE is re-checked on the rows it updates.
    /// </summary>
    public const string ClaimDeliveries = ClaimDeliveriesHead + ")" + ClaimDeliveriesTail;

    /// <summary><see cref="ClaimDeliveries"/> for PostgreSQL: rows another instance is claiming are skipped, not waited for.</summary>
    public static readonly string ClaimDeliveriesSkipLocked = OnceOnPostgres(ClaimDeliveriesHead) + " FOR UPDATE OF d SKIP LOCKED))" + ClaimDeliveriesTail;

    // PostgreSQL may run an IN (…LIMIT n…SKIP LOCKED) subquery of an UPDATE more than once, each run skipping other
    // rows, and so claim more than n (seen: 5 deliveries in flight for a limit of 3); ANY(ARRAY(…)) runs it once.
    private static string OnceOnPostgres(string head) => head.Replace("\"Id\" IN (", "\"Id\" = ANY(ARRAY(", StringComparison.Ordinal);

    private const string ClaimDeliveriesHead =
        """
        UPDATE "EventDeliveries" SET "LeaseOwner" = @owner, "LeaseExpiresAt" = @until
        WHERE "Id" IN (
            SELECT d."Id" FROM "EventDeliveries" AS d
            WHERE d."EndpointId" = @endpoint AND d."Status" = @pending AND d."NextAttemptAt" <= @now
                AND (d."LeaseExpiresAt" IS NULL OR d."LeaseExpiresAt" < @now_utc)
                AND NOT EXISTS (SELECT 1 FROM "EventDeliveries" AS e
                    WHERE e."EndpointId" = d."EndpointId" AND e."Contact" = d."Contact" AND e."Status" = @pending
                        AND e."Id" < d."Id" AND (e."NextAttemptAt" <= @now OR e."LeaseExpiresAt" >= @now_utc))
            ORDER BY d."NextAttemptAt", d."Id" LIMIT @max
        """;

    private const string ClaimDeliveriesTail =
        """

        AND "Status" = @pending AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < @now_utc)
        RETURNING "Id"
        """;
}
