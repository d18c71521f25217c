using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: true),
                    New = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    NoLongerListed = table.Column<int>(type: "integer", nullable: false),
                    Report = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameKana = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SearchKey = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false),
                    PrefectureCode = table.Column<string>(type: "character varying(2)", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", nullable: true),
                    Address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    CoordinatePrecision = table.Column<int>(type: "integer", nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Fax = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OpenDays = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Beds = table.Column<int>(type: "integer", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    CorporateNumber = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    CorporateName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PublicationConsent = table.Column<bool>(type: "boolean", nullable: false),
                    Listed = table.Column<bool>(type: "boolean", nullable: false),
                    LastConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    FieldMeta = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Providers_Municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "Municipalities",
                        principalColumn: "Code");
                    table.ForeignKey(
                        name: "FK_Providers_Prefectures_PrefectureCode",
                        column: x => x.PrefectureCode,
                        principalTable: "Prefectures",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderFunction",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderFunction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderFunction_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProviderIdentifier",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    Scheme = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderIdentifier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderIdentifier_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderFunction_Code",
                table: "ProviderFunction",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderFunction_ProviderId_Code_Source",
                table: "ProviderFunction",
                columns: new[] { "ProviderId", "Code", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderIdentifier_ProviderId",
                table: "ProviderIdentifier",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderIdentifier_Scheme_Value",
                table: "ProviderIdentifier",
                columns: new[] { "Scheme", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Providers_MunicipalityCode",
                table: "Providers",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_PrefectureCode_MunicipalityCode_Kind",
                table: "Providers",
                columns: new[] { "PrefectureCode", "MunicipalityCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Providers_SearchKey",
                table: "Providers",
                column: "SearchKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "ProviderFunction");

            migrationBuilder.DropTable(
                name: "ProviderIdentifier");

            migrationBuilder.DropTable(
                name: "Providers");
        }
    }
}
