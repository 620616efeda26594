using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventDeliveryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EndpointId_Contact_Status",
                table: "EventDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EndpointId_EventId",
                table: "EventDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EndpointId_Status_NextAttemptAt",
                table: "EventDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EventId",
                table: "EventDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_Contact_Status_Id",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "Contact", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_Status_NextAttemptAt_Id",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "Status", "NextAttemptAt", "Id" });

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
                name: "IX_EventDeliveries_EndpointId_Contact_Status_Id",
                table: "EventDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EndpointId_Status_NextAttemptAt_Id",
                table: "EventDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EventId_EndpointId",
                table: "EventDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_Contact_Status",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "Contact", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_EventId",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_Status_NextAttemptAt",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EventId",
                table: "EventDeliveries",
                column: "EventId");
        }
    }
}
