using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InboxConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedTo",
                table: "Contacts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingReply",
                table: "Contacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Contacts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Open",
                collation: "C");

            migrationBuilder.CreateTable(
                name: "ConversationActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Contact = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Text = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversationReads",
                columns: table => new
                {
                    User = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Contact = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationReads", x => new { x.User, x.Contact });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationActivities_Contact_Id",
                table: "ConversationActivities",
                columns: new[] { "Contact", "Id" });

            // Existing conversations await a reply when their latest message is the customer's.
            migrationBuilder.Sql(
                "UPDATE \"Contacts\" SET \"AwaitingReply\" = true WHERE EXISTS (SELECT 1 FROM \"Messages\" m " +
                "WHERE m.\"Id\" = \"Contacts\".\"LastMessageId\" AND m.\"Direction\" = 'Inbound')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationActivities");

            migrationBuilder.DropTable(
                name: "ConversationReads");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "AwaitingReply",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Contacts");
        }
    }
}
