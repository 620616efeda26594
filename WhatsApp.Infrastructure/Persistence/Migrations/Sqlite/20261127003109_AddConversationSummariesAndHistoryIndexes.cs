using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddConversationSummariesAndHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ClientName_CreatedAt",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_Contact_CreatedAt",
                table: "Messages");

            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "WebhookReceipts",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Messages",
                type: "TEXT",
                maxLength: 4096,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemplateName",
                table: "Messages",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedCount",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "InboundCount",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastMessageAt",
                table: "Contacts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "LastMessageId",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OurNumber",
                table: "Contacts",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "OutboundCount",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookReceipts_Contact",
                table: "WebhookReceipts",
                column: "Contact");

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
                name: "IX_Messages_Status_Id",
                table: "Messages",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_TemplateName_Id",
                table: "Messages",
                columns: new[] { "TemplateName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Type_Id",
                table: "Messages",
                columns: new[] { "Type", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_LastMessageAt_Number",
                table: "Contacts",
                columns: new[] { "LastMessageAt", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookReceipts_Contact",
                table: "WebhookReceipts");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ClientName_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_Contact_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ErrorCode_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_From_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_Status_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_TemplateName_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_Type_Id",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_LastMessageAt_Number",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "Contact",
                table: "WebhookReceipts");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "TemplateName",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "FailedCount",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "InboundCount",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "LastMessageAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "LastMessageId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "OurNumber",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "OutboundCount",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ClientName_CreatedAt",
                table: "Messages",
                columns: new[] { "ClientName", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Contact_CreatedAt",
                table: "Messages",
                columns: new[] { "Contact", "CreatedAt" });
        }
    }
}
