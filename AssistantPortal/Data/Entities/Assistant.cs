namespace AssistantPortal.Data;

/// <summary>An AI assistant (SPEC §1, §8).</summary>
public class Assistant
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The system instructions that shape every answer.</summary>
    public string Instructions { get; set; } = "";

    /// <summary>The chat-model alias the assistant answers with ("default" is the offline retrieval engine).</summary>
    public string ModelAlias { get; set; } = "default";

    /// <summary>Sampling temperature passed to a model endpoint (ignored by the offline engine).</summary>
    public double Temperature { get; set; } = 0.2;

    /// <summary>How many knowledge passages retrieval hands to the engine.</summary>
    public int MaxPassages { get; set; } = 3;

    /// <summary>The one owner: its creator until ownership is transferred.</summary>
    public string OwnerId { get; set; } = "";
    public ApplicationUser Owner { get; set; } = null!;

    /// <summary>The project the assistant lives in, if any.</summary>
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }

    /// <summary>Who may use the assistant's links (SPEC §4.5).</summary>
    public PublicAccess PublicAccess { get; set; }

    /// <summary>Unguessable token of the view link (Use only); null until handed out.</summary>
    public string? ViewLinkToken { get; set; }

    /// <summary>Unguessable token of the edit link (Read and write, always signed in); null until handed out.</summary>
    public string? EditLinkToken { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<AssistantUserGrant> UserGrants { get; set; } = [];
    public List<AssistantTeamGrant> TeamGrants { get; set; } = [];
    public List<AssistantOrganizationGrant> OrganizationGrants { get; set; } = [];
    public List<ShareRequest> ShareRequests { get; set; } = [];
    public List<ApiKey> ApiKeys { get; set; } = [];
}
