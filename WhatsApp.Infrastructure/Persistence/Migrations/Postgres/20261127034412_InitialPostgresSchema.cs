using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialPostgresSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    OurNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    FirstSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastInboundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastMessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastMessageAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InboundCount = table.Column<int>(type: "integer", nullable: false),
                    OutboundCount = table.Column<int>(type: "integer", nullable: false),
                    FailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyKeys",
                columns: table => new
                {
                    ClientName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    RequestFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyKeys", x => new { x.ClientName, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "MessageStatusEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProviderMessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Sequence = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ProviderTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true, collation: "C"),
                    Applied = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageStatusEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Contact = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    TemplateName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    ProviderMessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    ErrorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    ErrorReason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true, collation: "C"),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClientName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Inbound = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    Conversation = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    OutsideWindow = table.Column<bool>(type: "boolean", nullable: false),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    SearchText = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true, collation: "C"),
                    Interactive = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    Location = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    MediaUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true, collation: "C"),
                    Template = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    Body = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookNonces",
                columns: table => new
                {
                    Nonce = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    SeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookNonces", x => x.Nonce);
                });

            migrationBuilder.CreateTable(
                name: "WebhookReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Nonce = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    SignatureVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Method = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Fields = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false),
                    Contact = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    Error = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookReceipts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LastInboundAt",
                table: "Contacts",
                column: "LastInboundAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LastMessageAt_Number",
                table: "Contacts",
                columns: new[] { "LastMessageAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyKeys_CreatedAt",
                table: "IdempotencyKeys",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MessageStatusEvents_MessageId_ReceivedAt",
                table: "MessageStatusEvents",
                columns: new[] { "MessageId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageStatusEvents_ProviderMessageId_Status_Sequence",
                table: "MessageStatusEvents",
                columns: new[] { "ProviderMessageId", "Status", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ClientName_Id",
                table: "Messages",
                columns: new[] { "ClientName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Contact_Id",
                table: "Messages",
                columns: new[] { "Contact", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ErrorCode_Id",
                table: "Messages",
                columns: new[] { "ErrorCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_From_Id",
                table: "Messages",
                columns: new[] { "From", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ProviderMessageId",
                table: "Messages",
                column: "ProviderMessageId",
                unique: true,
                filter: "\"ProviderMessageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Status_Id",
                table: "Messages",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Status_NextAttemptAt",
                table: "Messages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_TemplateName_Id",
                table: "Messages",
                columns: new[] { "TemplateName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Type_Id",
                table: "Messages",
                columns: new[] { "Type", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookNonces_SeenAt",
                table: "WebhookNonces",
                column: "SeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookReceipts_Contact",
                table: "WebhookReceipts",
                column: "Contact");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookReceipts_Outcome_ReceivedAt",
                table: "WebhookReceipts",
                columns: new[] { "Outcome", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "IdempotencyKeys");

            migrationBuilder.DropTable(
                name: "MessageStatusEvents");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "WebhookNonces");

            migrationBuilder.DropTable(
                name: "WebhookReceipts");
        }
    }
}
