using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingReply",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Contacts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.CreateTable(
                name: "ConversationActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversationReads",
                columns: table => new
                {
                    User = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                "UPDATE \"Contacts\" SET \"AwaitingReply\" = 1 WHERE EXISTS (SELECT 1 FROM \"Messages\" m " +
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
