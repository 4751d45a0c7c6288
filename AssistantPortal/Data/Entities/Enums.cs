namespace AssistantPortal.Data;

// Numeric values are stored in the database: never renumber or reuse one.

/// <summary>The one global role of an account (SPEC §3).</summary>
public enum GlobalRole
{
    User = 0,
    ApplicationAdmin = 1,
    GlobalAdmin = 2,
}

/// <summary>A member's role in an organization.</summary>
public enum OrganizationRole
{
    Member = 0,
    Admin = 1,
}

/// <summary>A member's role in a team. Team Owner is the team admin; Viewer is the default.</summary>
public enum TeamRole
{
    Viewer = 0,
    Owner = 1,
}

/// <summary>The role of a user or team added to a project.</summary>
public enum ProjectRole
{
    Member = 0,
    Admin = 1,
}

/// <summary>
/// Effective access of a viewer on an assistant, ordered (SPEC §2). Grants, keys and requests
/// carry only <see cref="UseOnly"/>, <see cref="ReadOnly"/> or <see cref="ReadWrite"/>.
/// </summary>
public enum AccessLevel
{
    None = 0,
    UseOnly = 1,
    ReadOnly = 2,
    ReadWrite = 3,
    Owner = 4,
}

/// <summary>Who may use an assistant's links, besides grants and inheritance (SPEC §4.5).</summary>
public enum PublicAccess
{
    NotAccessible = 0,
    /// <summary>Every Team Viewer of the team the assistant is within may use it (SPEC §2.1 row 7).</summary>
    Team = 1,
    EveryoneSignedIn = 2,
    Everyone = 3,
}

/// <summary>What a share request asks to be shared with.</summary>
public enum ShareTargetKind
{
    Team = 1,
    Organization = 2,
}

/// <summary>Where a share request stands. Only <see cref="Pending"/> can change, and only once.</summary>
public enum ShareRequestStatus
{
    Pending = 0,
    Approved = 1,
    Deleted = 2,
    Withdrawn = 3,
}

/// <summary>What an in-app notification is about (SPEC §6).</summary>
public enum NotificationKind
{
    SharedWithYou = 1,
    SharedWithYourTeam = 2,
    SharedWithYourOrganization = 3,
    RequestApproved = 4,
    RequestDeleted = 5,
    RequestAwaitsReview = 6,
}

/// <summary>Delivery state of an outgoing email.</summary>
public enum OutboxStatus
{
    Waiting = 0,
    Sent = 1,
    Dead = 2,
}

/// <summary>Kinds of access change kept in the audit log (SPEC §9).</summary>
public enum AuditAction
{
    UserGrantAdded = 1,
    UserGrantChanged = 2,
    UserGrantRemoved = 3,
    TeamGrantAdded = 4,
    TeamGrantChanged = 5,
    TeamGrantRemoved = 6,
    OrganizationGrantAdded = 7,
    OrganizationGrantChanged = 8,
    OrganizationGrantRemoved = 9,
    ShareRequested = 10,
    ShareRequestApproved = 11,
    ShareRequestDeleted = 12,
    ShareRequestWithdrawn = 13,
    ApiKeyCreated = 14,
    ApiKeyDeleted = 15,
    PublicAccessChanged = 16,
    LinkReset = 17,
    GlobalRoleChanged = 18,
    OwnershipTransferred = 19,
    AssistantCreated = 20,
    AssistantDeleted = 21,
    UserLocked = 22,
    UserUnlocked = 23,
    MembershipChanged = 24,
    /// <summary>A Global Admin put a dead outgoing message back in the queue.</summary>
    MailResent = 25,
    // Model aliases (SPEC §9) start at 40, leaving room for other access changes in between.
    ModelAliasCreated = 40,
    ModelAliasChanged = 41,
    ModelAliasDeleted = 42,
}
