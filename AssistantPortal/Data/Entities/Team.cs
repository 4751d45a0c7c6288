namespace AssistantPortal.Data;

/// <summary>A group of users inside one organization (SPEC §1).</summary>
public class Team
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    /// <summary>Unique within its organization.</summary>
    public string Name { get; set; } = "";

    /// <summary>Who created the team; an Application Admin who creates a team becomes its owner.</summary>
    public string? CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<TeamMember> Members { get; set; } = [];
}

/// <summary>A user's membership of a team.</summary>
public class TeamMember
{
    public int TeamId { get; set; }
    public Team Team { get; set; } = null!;

    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;

    /// <summary>Team Owners have Owner level on every assistant within the team.</summary>
    public TeamRole Role { get; set; }
}
