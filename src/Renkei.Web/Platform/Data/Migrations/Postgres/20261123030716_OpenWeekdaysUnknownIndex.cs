using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenWeekdaysUnknownIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Providers_OpenWeekdaysUnknown",
                table: "Providers",
                column: "Id",
                filter: "\"OpenWeekdays\" IS NULL AND (\"OpenDays\" IS NOT NULL OR \"Hours\" IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Providers_OpenWeekdaysUnknown",
                table: "Providers");
        }
    }
}
