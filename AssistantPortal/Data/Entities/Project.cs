namespace AssistantPortal.Data;

/// <summary>A container of assistants inside one organization, optionally a team's (SPEC §1).</summary>
public class Project
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    /// <summary>The team the project belongs to, if any: its assistants are then "within" that team.</summary>
    public int? TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>Unique within its organization.</summary>
    public string Name { get; set; } = "";

    public string? CreatedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<ProjectUserMember> UserMembers { get; set; } = [];
    public List<ProjectTeamMember> TeamMembers { get; set; } = [];
    public List<Assistant> Assistants { get; set; } = [];
}

/// <summary>A user added to a project. Member gives Read only, Admin gives Owner level on its assistants.</summary>
public class ProjectUserMember
{
    public int ProjectId { get; set; }
    public Project Project { get; set; } = null!;

    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;

    public ProjectRole Role { get; set; }
}

/// <summary>A team added to a project: every member of the team gets the project role.</summary>
public class ProjectTeamMember
{
    public int ProjectId { get; set; }
    public Project Project { get; set; } = null!;

    public int TeamId { get; set; }
    public Team Team { get; set; } = null!;

    public ProjectRole Role { get; set; }
}
