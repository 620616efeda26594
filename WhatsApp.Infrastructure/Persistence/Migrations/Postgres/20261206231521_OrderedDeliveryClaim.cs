using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WhatsApp.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrderedDeliveryClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EndpointId_Contact_Status",
                table: "EventDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_EventDeliveries_EndpointId_Status_NextAttemptAt",
                table: "EventDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_Contact_Status_Id",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "Contact", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_Status_NextAttemptAt_Id",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "Status", "NextAttemptAt", "Id" });
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

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_Contact_Status",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "Contact", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EventDeliveries_EndpointId_Status_NextAttemptAt",
                table: "EventDeliveries",
                columns: new[] { "EndpointId", "Status", "NextAttemptAt" });
        }
    }
}
