namespace AssistantPortal.Data;

/// <summary>The top container of people (SPEC §1).</summary>
public class Organization
{
    public int Id { get; set; }

    /// <summary>Unique across the installation.</summary>
    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<OrganizationMember> Members { get; set; } = [];
    public List<Team> Teams { get; set; } = [];
    public List<Project> Projects { get; set; } = [];
}

/// <summary>A user's membership of an organization.</summary>
public class OrganizationMember
{
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;

    /// <summary>Org Admins decide share requests aimed at the organization and at its ownerless teams.</summary>
    public OrganizationRole Role { get; set; }
}
