using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneIndexPerDeliveryEvent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EndpointId_EventId",
                table: "EventDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EventId",
                table: "EventDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EventId_EndpointId",
                table: "EventDeliveries",
                columns: new[] { "EventId", "EndpointId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EventId_EndpointId",
                table: "EventDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_EventId",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EventId",
                table: "EventDeliveries",
                column: "EventId");
        }
    }
}
