namespace AssistantPortal.Data;

/// <summary>A document uploaded to an assistant's knowledge base (SPEC §8.2); its text is split into passages.</summary>
public class KnowledgeDocument
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    public string FileName { get; set; } = "";

    /// <summary>text/plain, text/markdown or application/pdf.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>The extracted plain text, kept so the document can be re-indexed without the upload.</summary>
    public string Text { get; set; } = "";

    public long SizeBytes { get; set; }

    public string? UploadedByUserId { get; set; }

    public string UploadedByName { get; set; } = "";

    public DateTime UploadedAt { get; set; }

    public DateTime IndexedAt { get; set; }

    public List<KnowledgePassage> Passages { get; set; } = [];
}

/// <summary>
/// One passage of a document, the unit retrieval ranks and quotes. A full-text index (SQLite FTS5
/// table <c>KnowledgePassagesFts</c>, kept in step by triggers) searches them.
/// </summary>
public class KnowledgePassage
{
    public int Id { get; set; }

    public int DocumentId { get; set; }
    public KnowledgeDocument Document { get; set; } = null!;

    /// <summary>Copied from the document so search filters by assistant without a join.</summary>
    public int AssistantId { get; set; }

    /// <summary>Position of the passage in its document, from 0.</summary>
    public int Ordinal { get; set; }

    public string Text { get; set; } = "";
}
