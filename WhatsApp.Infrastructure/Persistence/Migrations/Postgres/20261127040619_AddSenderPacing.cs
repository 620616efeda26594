using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSenderPacing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SenderPacing",
                columns: table => new
                {
                    Sender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    NextReservation = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextSend = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenderPacing", x => x.Sender);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SenderPacing");
        }
    }
}
