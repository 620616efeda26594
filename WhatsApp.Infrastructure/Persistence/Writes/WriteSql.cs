namespace WhatsApp.Infrastructure.Persistence.Writes;

/// <summary>
/// The hand-written SQL of the hot write paths, in one place. It is the standard <c>INSERT … ON CONFLICT</c> and
/// <c>UPDATE</c> that SQLite and PostgreSQL both run; a provider that needs its own spelling changes only this file.
/// Identifiers are EF Core's (property names); parameters are bound through the EF model (<see cref="SqlCall{T}"/>).
/// </summary>
internal static class WriteSql
{
    /// <summary>A nonce is new, or was last seen before <c>@cutoff</c>: 1 row. Seen within the window (a replay): 0.</summary>
    public const string NonceFirstUse =
        """ON CONFLICT ("Nonce") DO UPDATE SET "SeenAt" = excluded."SeenAt" WHERE "WebhookNonces"."SeenAt" <= @cutoff""";

    /// <summary>
    /// The conversation summary, as <c>Contact.Record</c> keeps it: the row inserted is the new contact's summary of
    /// this one message, and an existing summary adds it (counts add up; the window and the latest message only move
    /// forward in time).
    /// </summary>
    public const string ContactRecord =
        """
        ON CONFLICT ("Number") DO UPDATE SET
            "OurNumber" = excluded."OurNumber",
            "InboundCount" = "Contacts"."InboundCount" + excluded."InboundCount",
            "OutboundCount" = "Contacts"."OutboundCount" + excluded."OutboundCount",
            "FailedCount" = "Contacts"."FailedCount" + excluded."FailedCount",
            "LastInboundAt" = CASE
                WHEN excluded."LastInboundAt" IS NOT NULL
                    AND ("Contacts"."LastInboundAt" IS NULL OR excluded."LastInboundAt" > "Contacts"."LastInboundAt")
                THEN excluded."LastInboundAt" ELSE "Contacts"."LastInboundAt" END,
            "LastMessageId" = CASE
                WHEN "Contacts"."LastMessageId" IS NULL OR excluded."LastMessageAt" >= "Contacts"."LastMessageAt"
                THEN excluded."LastMessageId" ELSE "Contacts"."LastMessageId" END,
            "LastMessageAt" = CASE
                WHEN "Contacts"."LastMessageId" IS NULL OR excluded."LastMessageAt" >= "Contacts"."LastMessageAt"
                THEN excluded."LastMessageAt" ELSE "Contacts"."LastMessageAt" END
        """;

    public const string CountFailure =
        """UPDATE "Contacts" SET "FailedCount" = "FailedCount" + 1 WHERE "Number" = @contact""";

    public const string SetConversation =
        """UPDATE "Messages" SET "Conversation" = @conversation WHERE "ProviderMessageId" = @provider_id AND "Direction" = @outbound""";

    /// <summary>Whether a provider id has status reports waiting; almost always not, and then nothing else is read.</summary>
    public const string HasPendingReports =
        """SELECT 1 FROM "MessageStatusEvents" WHERE "ProviderMessageId" = @provider_id AND "Applied" = @false LIMIT 1""";

    /// <summary>Marks a claimed message as being sent, if this dispatcher still holds it.</summary>
    public const string StartSending =
        """
        UPDATE "Messages" SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next_attempt_at,
            "UpdatedAt" = @updated_at, "LeaseExpiresAt" = @lease_until
        WHERE "Id" = @id AND "Status" = @queued AND "LeaseOwner" = @lease_owner
        """;

    /// <summary>Stores the outcome of a send and frees the message's lease.</summary>
    public const string SaveOutcome =
        """
        UPDATE "Messages" SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next_attempt_at,
            "ProviderMessageId" = @provider_id, "ErrorCode" = @error_code, "ErrorReason" = @error_reason,
            "SentAt" = @sent_at, "UpdatedAt" = @updated_at, "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL
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
    /// PostgreSQL only: takes the sender's next slot (<c>@column</c> moves on by <c>@interval</c> from itself or from
    /// now, whichever is later) and returns how many seconds from now it starts. The database's clock, not the
    /// instances', so clocks that differ between machines cannot bunch sends up.
    /// </summary>
    public static string ReserveSenderSlot(string column) =>
        $"""
        INSERT INTO "SenderPacing" AS p ("Sender", "NextReservation", "NextSend")
        VALUES (@sender, {Initial(column, "NextReservation")}, {Initial(column, "NextSend")})
        ON CONFLICT ("Sender") DO UPDATE SET "{column}" = GREATEST(p."{column}", clock_timestamp()) + @interval
        RETURNING EXTRACT(EPOCH FROM (p."{column}" - @interval - clock_timestamp()))::float8
        """;

    private static string Initial(string column, string candidate) =>
        column == candidate ? "clock_timestamp() + @interval" : "clock_timestamp()";

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
