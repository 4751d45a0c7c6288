namespace AssistantPortal.Data;

/// <summary>Access on an assistant given directly to one user (SPEC §2.1 row 3).</summary>
public class AssistantUserGrant
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    /// <summary>The user who receives the access.</summary>
    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;

    /// <summary>Use only, Read only or Read and write; never Owner.</summary>
    public AccessLevel Level { get; set; }

    /// <summary>Who shared it (null once that account is deleted).</summary>
    public string? GrantedByUserId { get; set; }
    public ApplicationUser? GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}

/// <summary>Access on an assistant given to every member of a team (SPEC §2.1 row 4).</summary>
public class AssistantTeamGrant
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    /// <summary>The team whose members, in any team role, receive the access.</summary>
    public int TeamId { get; set; }
    public Team Team { get; set; } = null!;

    /// <summary>Use only, Read only or Read and write; never Owner.</summary>
    public AccessLevel Level { get; set; }

    /// <summary>Who shared it, or whose approved request it came from.</summary>
    public string? GrantedByUserId { get; set; }
    public ApplicationUser? GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}

/// <summary>Access on an assistant given to every member of an organization (SPEC §2.1 row 5).</summary>
public class AssistantOrganizationGrant
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    /// <summary>The organization whose members receive the access.</summary>
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    /// <summary>Use only, Read only or Read and write; never Owner.</summary>
    public AccessLevel Level { get; set; }

    /// <summary>Who shared it, or whose approved request it came from.</summary>
    public string? GrantedByUserId { get; set; }
    public ApplicationUser? GrantedBy { get; set; }

    public DateTime GrantedAt { get; set; }
}
