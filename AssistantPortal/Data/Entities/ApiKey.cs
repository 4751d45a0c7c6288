namespace AssistantPortal.Data;

/// <summary>
/// A key for the HTTP API, valid on one assistant only (SPEC §4.4, §5). The secret itself is never
/// stored: only its SHA-256 hash and a short display prefix.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    /// <summary>A name people recognize the key by.</summary>
    public string Name { get; set; } = "";

    /// <summary>Use only, Read only or Read and write; fixed for the key's life.</summary>
    public AccessLevel Level { get; set; }

    /// <summary>The first characters of the key, enough to tell keys apart and never enough to use one.</summary>
    public string DisplayPrefix { get; set; } = "";

    /// <summary>SHA-256 of the whole key; unique.</summary>
    public byte[] Hash { get; set; } = [];

    public string? CreatedByUserId { get; set; }
    public ApplicationUser? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
