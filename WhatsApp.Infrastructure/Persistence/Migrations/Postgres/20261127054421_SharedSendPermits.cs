using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SharedSendPermits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NextSend",
                table: "SenderPacing");

            migrationBuilder.CreateTable(
                name: "SenderPermits",
                columns: table => new
                {
                    Sender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    Holder = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenderPermits", x => new { x.Sender, x.Slot });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SenderPermits_Sender_ExpiresAt",
                table: "SenderPermits",
                columns: new[] { "Sender", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SenderPermits");

            migrationBuilder.AddColumn<DateTime>(
                name: "NextSend",
                table: "SenderPacing",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));
        }
    }
}
