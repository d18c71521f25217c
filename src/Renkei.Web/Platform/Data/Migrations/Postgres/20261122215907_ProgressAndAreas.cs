using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Renkei.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgressAndAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AreaRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrefectureCode = table.Column<string>(type: "text", nullable: false),
                    SecondaryAreaCode = table.Column<string>(type: "character varying(4)", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scenes = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaRules_SecondaryAreas_SecondaryAreaCode",
                        column: x => x.SecondaryAreaCode,
                        principalTable: "SecondaryAreas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HealthCentreActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrefectureCode = table.Column<string>(type: "text", nullable: false),
                    SecondaryAreaCode = table.Column<string>(type: "character varying(4)", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthCentreActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthCentreActivities_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_HealthCentreActivities_SecondaryAreas_SecondaryAreaCode",
                        column: x => x.SecondaryAreaCode,
                        principalTable: "SecondaryAreas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JointMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrefectureCode = table.Column<string>(type: "text", nullable: false),
                    SecondaryAreaCode = table.Column<string>(type: "character varying(4)", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Host = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ParticipantCodes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointMeetings_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_JointMeetings_SecondaryAreas_SecondaryAreaCode",
                        column: x => x.SecondaryAreaCode,
                        principalTable: "SecondaryAreas",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PrefectureCode = table.Column<string>(type: "character varying(2)", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsSample = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressRounds_Prefectures_PrefectureCode",
                        column: x => x.PrefectureCode,
                        principalTable: "Prefectures",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AreaRuleVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    PrefectureCode = table.Column<string>(type: "text", nullable: false),
                    Label = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Changes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaRuleVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaRuleVersions_AreaRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AreaRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EnteredByPrefecture = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressResponses_Municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "Municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgressResponses_ProgressRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ProgressRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AreaDocumentContents",
                columns: table => new
                {
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaDocumentContents", x => x.VersionId);
                    table.ForeignKey(
                        name: "FK_AreaDocumentContents_AreaRuleVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "AreaRuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AreaRuleAdoptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaRuleAdoptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaRuleAdoptions_AreaRuleVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "AreaRuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AreaRuleAdoptions_Municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "Municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressItemAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "text", nullable: false),
                    Item = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Training = table.Column<int>(type: "integer", nullable: false),
                    Commissioned = table.Column<bool>(type: "boolean", nullable: false),
                    CommissionedTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PrefectureSupported = table.Column<bool>(type: "boolean", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressItemAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressItemAnswers_ProgressResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "ProgressResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AreaRuleAdoptions_MunicipalityCode",
                table: "AreaRuleAdoptions",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_AreaRuleAdoptions_VersionId_MunicipalityCode",
                table: "AreaRuleAdoptions",
                columns: new[] { "VersionId", "MunicipalityCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaRules_PrefectureCode_SecondaryAreaCode",
                table: "AreaRules",
                columns: new[] { "PrefectureCode", "SecondaryAreaCode" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaRules_SecondaryAreaCode",
                table: "AreaRules",
                column: "SecondaryAreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_AreaRuleVersions_RuleId_Label",
                table: "AreaRuleVersions",
                columns: new[] { "RuleId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthCentreActivities_OrganisationId",
                table: "HealthCentreActivities",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthCentreActivities_PrefectureCode_SecondaryAreaCode_Fis~",
                table: "HealthCentreActivities",
                columns: new[] { "PrefectureCode", "SecondaryAreaCode", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthCentreActivities_SecondaryAreaCode",
                table: "HealthCentreActivities",
                column: "SecondaryAreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_JointMeetings_MeetingId",
                table: "JointMeetings",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_JointMeetings_PrefectureCode_SecondaryAreaCode_HeldOn",
                table: "JointMeetings",
                columns: new[] { "PrefectureCode", "SecondaryAreaCode", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_JointMeetings_SecondaryAreaCode",
                table: "JointMeetings",
                column: "SecondaryAreaCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressItemAnswers_MunicipalityCode",
                table: "ProgressItemAnswers",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressItemAnswers_ResponseId_Item",
                table: "ProgressItemAnswers",
                columns: new[] { "ResponseId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressResponses_MunicipalityCode",
                table: "ProgressResponses",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressResponses_RoundId_MunicipalityCode",
                table: "ProgressResponses",
                columns: new[] { "RoundId", "MunicipalityCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgressRounds_PrefectureCode_AsOf",
                table: "ProgressRounds",
                columns: new[] { "PrefectureCode", "AsOf" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaDocumentContents");

            migrationBuilder.DropTable(
                name: "AreaRuleAdoptions");

            migrationBuilder.DropTable(
                name: "HealthCentreActivities");

            migrationBuilder.DropTable(
                name: "JointMeetings");

            migrationBuilder.DropTable(
                name: "ProgressItemAnswers");

            migrationBuilder.DropTable(
                name: "AreaRuleVersions");

            migrationBuilder.DropTable(
                name: "ProgressResponses");

            migrationBuilder.DropTable(
                name: "AreaRules");

            migrationBuilder.DropTable(
                name: "ProgressRounds");
        }
    }
}
