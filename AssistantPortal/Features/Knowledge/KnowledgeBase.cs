using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Knowledge;

/// <summary>A document as the Knowledge tab lists it.</summary>
public sealed record KnowledgeDocumentRow(int Id, string FileName, string ContentType, long SizeBytes, int Passages,
    string UploadedByName, DateTime UploadedAt, DateTime IndexedAt);

/// <summary>
/// The knowledge base of an assistant (SPEC §8.2): list (Read only and up), add, re-index and delete
/// (Read and write and up). Every call resolves and authorizes the viewer on the server first.
/// </summary>
public sealed class KnowledgeBase(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, TimeProvider clock)
{
    public async Task<IReadOnlyList<KnowledgeDocumentRow>> ListAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.View, cancellationToken);
        return await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.AssistantId == assistantId)
            .OrderBy(d => d.FileName).ThenBy(d => d.Id)
            .Select(d => new KnowledgeDocumentRow(d.Id, d.FileName, d.ContentType, d.SizeBytes, d.Passages.Count,
                d.UploadedByName, d.UploadedAt, d.IndexedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a document, or returns why it cannot be added (nothing is stored then).</summary>
    public async Task<(int? DocumentId, string? Error)> AddAsync(
        ClaimsPrincipal user, int assistantId, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Edit, cancellationToken);

        fileName = Path.GetFileName(fileName ?? "").Trim();
        if (fileName.Length == 0 || fileName.Length > Data.Configurations.ChatLimits.FileName)
        {
            return (null, $"The file name must have 1 to {Data.Configurations.ChatLimits.FileName} characters.");
        }
        var extracted = DocumentText.Extract(fileName, content);
        if (!extracted.Succeeded)
        {
            return (null, extracted.Error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = new KnowledgeDocument
        {
            AssistantId = assistantId,
            FileName = fileName,
            ContentType = extracted.ContentType,
            Text = extracted.Text!,
            SizeBytes = content.LongLength,
            UploadedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UploadedByName = user.Identity?.Name ?? "",
            UploadedAt = now,
            IndexedAt = now,
        };
        AddPassages(document);
        db.KnowledgeDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return (document.Id, null);
    }

    /// <summary>Splits a document again from its stored text (after the splitter changed, or to repair the index).</summary>
    public async Task ReindexAsync(ClaimsPrincipal user, int assistantId, int documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Edit, cancellationToken);
        var document = await db.KnowledgeDocuments.Include(d => d.Passages)
            .SingleOrDefaultAsync(d => d.Id == documentId && d.AssistantId == assistantId, cancellationToken)
            ?? throw new AssistantNotFoundException(assistantId);
        db.KnowledgePassages.RemoveRange(document.Passages);
        document.Passages = [];
        AddPassages(document);
        document.IndexedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteAsync(ClaimsPrincipal user, int assistantId, int documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Edit, cancellationToken);
        var deleted = await db.KnowledgeDocuments
            .Where(d => d.Id == documentId && d.AssistantId == assistantId)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw new AssistantNotFoundException(assistantId);
        }
    }

    private static void AddPassages(KnowledgeDocument document)
    {
        var ordinal = 0;
        foreach (var text in PassageSplitter.Split(document.Text))
        {
            document.Passages.Add(new KnowledgePassage { AssistantId = document.AssistantId, Ordinal = ordinal++, Text = text });
        }
    }
}
