using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Knowledge;

/// <summary>A passage found for a question, with the document it came from.</summary>
public sealed record RetrievedPassage(int PassageId, int DocumentId, string FileName, int Ordinal, string Text, double Score);

/// <summary>
/// Finds the passages of an assistant's knowledge base that best match a question: SQLite's FTS5
/// full-text index ranked by BM25 (the table and its triggers come with the migration that added the
/// knowledge base). On another database provider it falls back to matching terms with LIKE.
/// </summary>
public sealed class KnowledgeSearch
{
    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(
        ApplicationDbContext db, int assistantId, string question, int limit, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Of(question);
        var query = SearchTerms.ToFtsQuery(terms);
        if (query is null || limit <= 0)
        {
            return [];
        }

        if (db.Database.IsSqlite())
        {
            return await db.Database.SqlQuery<RetrievedPassage>($"""
                SELECT p.Id AS PassageId, p.DocumentId, d.FileName, p.Ordinal, p.Text, bm25(KnowledgePassagesFts) AS Score
                FROM KnowledgePassagesFts
                JOIN KnowledgePassages AS p ON p.Id = KnowledgePassagesFts.rowid
                JOIN KnowledgeDocuments AS d ON d.Id = p.DocumentId
                WHERE KnowledgePassagesFts MATCH {query} AND p.AssistantId = {assistantId}
                ORDER BY Score
                LIMIT {limit}
                """).ToListAsync(cancellationToken);
        }

        // Portable fallback: passages containing any term, ranked by how many terms they contain.
        var candidates = await db.KnowledgePassages
            .Where(p => p.AssistantId == assistantId)
            .Where(p => terms.Any(t => p.Text.ToLower().Contains(t)))
            .Select(p => new { p.Id, p.DocumentId, p.Document.FileName, p.Ordinal, p.Text })
            .Take(200)
            .ToListAsync(cancellationToken);
        return candidates
            .Select(p => new RetrievedPassage(p.Id, p.DocumentId, p.FileName, p.Ordinal, p.Text,
                -terms.Count(t => p.Text.Contains(t, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(p => p.Score)
            .Take(limit)
            .ToList();
    }
}
