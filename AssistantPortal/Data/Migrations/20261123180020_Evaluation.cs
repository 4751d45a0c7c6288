using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssistantPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvaluationRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssistantId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    PassedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RegressionCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationRuns_AspNetUsers_StartedByUserId",
                        column: x => x.StartedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EvaluationRuns_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationTestCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssistantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ExpectedAnswer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    KeyPhrases = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationTestCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationTestCases_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    TestCaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    Regressed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_EvaluationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "EvaluationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationResults_EvaluationTestCases_TestCaseId",
                        column: x => x.TestCaseId,
                        principalTable: "EvaluationTestCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_RunId_TestCaseId",
                table: "EvaluationResults",
                columns: new[] { "RunId", "TestCaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_TestCaseId",
                table: "EvaluationResults",
                column: "TestCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_AssistantId_StartedAt",
                table: "EvaluationRuns",
                columns: new[] { "AssistantId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRuns_StartedByUserId",
                table: "EvaluationRuns",
                column: "StartedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTestCases_AssistantId",
                table: "EvaluationTestCases",
                column: "AssistantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationResults");

            migrationBuilder.DropTable(
                name: "EvaluationRuns");

            migrationBuilder.DropTable(
                name: "EvaluationTestCases");
        }
    }
}
