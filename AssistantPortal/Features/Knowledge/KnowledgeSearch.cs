using System.Data.Common;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssistantPortal.Features.Knowledge;

/// <summary>A passage found for a question, with the document it came from.</summary>
public sealed record RetrievedPassage(int PassageId, int DocumentId, string FileName, int Ordinal, string Text, double Score);

/// <summary>
/// Finds the passages of an assistant's knowledge base that best match a question: SQLite's FTS5
/// full-text index ranked by BM25 (the table and its triggers come with the migration that added the
/// knowledge base), or on PostgreSQL its own full-text search over a stored tsvector ranked by ts_rank
/// (made by the PostgreSQL migrations): the two providers the app supports.
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

        return db.Database.IsNpgsql()
            ? await SearchAsync(db, PostgreSqlQuery, [("terms", terms.ToArray()), ("assistant", assistantId), ("limit", limit)], limit, cancellationToken)
            : await SearchAsync(db, FtsQuery, [("$query", query), ("$assistant", assistantId), ("$limit", limit)], limit, cancellationToken);
    }

    private const string FtsQuery = """
        SELECT p.Id, p.DocumentId, d.FileName, p.Ordinal, p.Text, bm25(KnowledgePassagesFts) AS Score
        FROM KnowledgePassagesFts
        JOIN KnowledgePassages AS p ON p.Id = KnowledgePassagesFts.rowid
        JOIN KnowledgeDocuments AS d ON d.Id = p.DocumentId
        WHERE KnowledgePassagesFts MATCH $query AND p.AssistantId = $assistant
        ORDER BY Score
        LIMIT $limit
        """;

    /// <summary>
    /// Any of the terms (each quoted as a literal, so nothing in a question is read as query syntax), best first.
    /// ts_rank grows with relevance; the score is its negative, so lower is better as with BM25.
    /// </summary>
    private const string PostgreSqlQuery = """
        SELECT p."Id", p."DocumentId", d."FileName", p."Ordinal", p."Text", -ts_rank(p."SearchVector", q.query)::float8 AS "Score"
        FROM to_tsquery('english', array_to_string(ARRAY(SELECT quote_literal(t) FROM unnest(@terms) AS t), ' | ')) AS q(query)
        JOIN "KnowledgePassages" AS p ON p."SearchVector" @@ q.query
        JOIN "KnowledgeDocuments" AS d ON d."Id" = p."DocumentId"
        WHERE p."AssistantId" = @assistant
        ORDER BY "Score", p."Id"
        LIMIT @limit
        """;

    /// <summary>
    /// The full-text query through ADO.NET on the context's connection (and transaction, if any). Through EF's
    /// <c>SqlQuery</c> it cost three times the statement itself, mostly rebuilding the command for each call.
    /// </summary>
    private static async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(
        ApplicationDbContext db, string sql, (string Name, object Value)[] parameters, int limit, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                AddParameter(command, name, value);
            }
            var passages = new List<RetrievedPassage>(limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                passages.Add(new RetrievedPassage(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3),
                    reader.GetString(4), reader.GetDouble(5)));
            }
            return passages;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
