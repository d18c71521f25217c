using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectoryPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Providers_MunicipalityCode",
                table: "Providers");

            migrationBuilder.DropIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers");

            migrationBuilder.DropIndex(
                name: "IX_ProviderFunction_Code",
                table: "ProviderFunction");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_MunicipalityCode",
                table: "Providers",
                column: "MunicipalityCode")
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "Listed" });

            migrationBuilder.CreateIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers",
                columns: new[] { "SearchKey", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "Listed" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderFunction_Code",
                table: "ProviderFunction",
                column: "Code")
                .Annotation("Npgsql:IndexInclude", new[] { "ProviderId" });

            // Text search estimates how many keys match '%…%' from the column's histogram: with the default 100 entries
            // a rare key looked common, and the planner scanned the whole table for a count it could have read from the
            // trigram index. A finer histogram (1,000 entries) tells rare from common.
            migrationBuilder.Sql("ALTER TABLE \"Providers\" ALTER COLUMN \"SearchKey\" SET STATISTICS 1000;");
            migrationBuilder.Sql("ANALYZE \"Providers\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Providers\" ALTER COLUMN \"SearchKey\" SET STATISTICS -1;");

            migrationBuilder.DropIndex(
                name: "IX_Providers_MunicipalityCode",
                table: "Providers");

            migrationBuilder.DropIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers");

            migrationBuilder.DropIndex(
                name: "IX_ProviderFunction_Code",
                table: "ProviderFunction");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_MunicipalityCode",
                table: "Providers",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers",
                column: "SearchKey");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderFunction_Code",
                table: "ProviderFunction",
                column: "Code");
        }
    }
}
