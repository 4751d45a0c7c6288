using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssistantPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeAndChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssistantId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    ApiKeyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conversations_ApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Conversations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Conversations_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssistantId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IndexedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeDocuments_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChatExchanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssistantId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    WhoName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApiKeyId = table.Column<int>(type: "INTEGER", nullable: true),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    SupportingContent = table.Column<string>(type: "TEXT", nullable: false),
                    ThoughtProcess = table.Column<string>(type: "TEXT", nullable: false),
                    Stopped = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatExchanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChatExchanges_ApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChatExchanges_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ChatExchanges_Assistants_AssistantId",
                        column: x => x.AssistantId,
                        principalTable: "Assistants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChatExchanges_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgePassages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssistantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgePassages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgePassages_KnowledgeDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "KnowledgeDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatExchanges_ApiKeyId",
                table: "ChatExchanges",
                column: "ApiKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatExchanges_AskedAt",
                table: "ChatExchanges",
                column: "AskedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ChatExchanges_AssistantId_AskedAt",
                table: "ChatExchanges",
                columns: new[] { "AssistantId", "AskedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChatExchanges_ConversationId",
                table: "ChatExchanges",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_ChatExchanges_UserId",
                table: "ChatExchanges",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ApiKeyId",
                table: "Conversations",
                column: "ApiKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_AssistantId_UserId_UpdatedAt",
                table: "Conversations",
                columns: new[] { "AssistantId", "UserId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_UserId",
                table: "Conversations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeDocuments_AssistantId_FileName",
                table: "KnowledgeDocuments",
                columns: new[] { "AssistantId", "FileName" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgePassages_AssistantId",
                table: "KnowledgePassages",
                column: "AssistantId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgePassages_DocumentId_Ordinal",
                table: "KnowledgePassages",
                columns: new[] { "DocumentId", "Ordinal" },
                unique: true);

            // Full-text index of the passages for retrieval (SPEC §8.2): SQLite FTS5 over the passage
            // text as an external-content table, kept in step by triggers. Other providers search with LIKE.
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""
                    CREATE VIRTUAL TABLE "KnowledgePassagesFts" USING fts5(
                        "Text", content='KnowledgePassages', content_rowid='Id', tokenize='porter unicode61');
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "KnowledgePassages_ai" AFTER INSERT ON "KnowledgePassages" BEGIN
                        INSERT INTO "KnowledgePassagesFts"(rowid, "Text") VALUES (new."Id", new."Text");
                    END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "KnowledgePassages_ad" AFTER DELETE ON "KnowledgePassages" BEGIN
                        INSERT INTO "KnowledgePassagesFts"("KnowledgePassagesFts", rowid, "Text") VALUES ('delete', old."Id", old."Text");
                    END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER "KnowledgePassages_au" AFTER UPDATE ON "KnowledgePassages" BEGIN
                        INSERT INTO "KnowledgePassagesFts"("KnowledgePassagesFts", rowid, "Text") VALUES ('delete', old."Id", old."Text");
                        INSERT INTO "KnowledgePassagesFts"(rowid, "Text") VALUES (new."Id", new."Text");
                    END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""DROP TABLE IF EXISTS "KnowledgePassagesFts";""");
            }

            migrationBuilder.DropTable(
                name: "ChatExchanges");

            migrationBuilder.DropTable(
                name: "KnowledgePassages");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "KnowledgeDocuments");
        }
    }
}
