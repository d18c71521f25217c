using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectoryPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers",
                columns: new[] { "SearchKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers",
                column: "SearchKey");
        }
    }
}
