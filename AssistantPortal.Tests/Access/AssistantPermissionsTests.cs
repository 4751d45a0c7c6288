using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AssistantPortal.Tests.Access;

/// <summary>
/// The capability table of SPEC §2, one case per cell: every <see cref="AssistantOperations"/> at every
/// effective level, for a viewer who is neither the owner nor a Global Admin, then the cells that depend
/// on who the viewer is (owner, Global Admin, Application Admin).
/// </summary>
public sealed class AssistantPermissionsTests
{
    private const int AssistantId = 7;

    /// <summary>
    /// SPEC §2's table, read row by row: the lowest level at which a plain viewer may do the operation,
    /// or null when no level is enough (transfer, supporting content, evaluation).
    /// </summary>
    private static readonly Dictionary<string, AccessLevel?> LowestLevel = new()
    {
        [nameof(AssistantOperations.Use)] = AccessLevel.UseOnly,
        [nameof(AssistantOperations.View)] = AccessLevel.ReadOnly,
        [nameof(AssistantOperations.ReadLogs)] = AccessLevel.ReadOnly,
        [nameof(AssistantOperations.ExplainAccess)] = AccessLevel.ReadOnly,
        [nameof(AssistantOperations.Edit)] = AccessLevel.ReadWrite,
        [nameof(AssistantOperations.Share)] = AccessLevel.ReadWrite,
        [nameof(AssistantOperations.ManageKeys)] = AccessLevel.ReadWrite,
        [nameof(AssistantOperations.ManagePublicAccess)] = AccessLevel.ReadWrite,
        [nameof(AssistantOperations.SensitiveChange)] = AccessLevel.Owner,
        [nameof(AssistantOperations.Delete)] = AccessLevel.Owner,
        [nameof(AssistantOperations.TransferOwnership)] = null,
        [nameof(AssistantOperations.ViewSupportingContent)] = null,
        [nameof(AssistantOperations.RunEvaluation)] = null,
    };

    private static readonly AccessLevel[] Levels =
        [AccessLevel.None, AccessLevel.UseOnly, AccessLevel.ReadOnly, AccessLevel.ReadWrite, AccessLevel.Owner];

    public static TheoryData<string, AccessLevel, bool> PlainViewerCells()
    {
        var data = new TheoryData<string, AccessLevel, bool>();
        foreach (var operation in AssistantOperations.All)
        {
            foreach (var level in Levels)
            {
                var lowest = LowestLevel[operation.Name];
                data.Add(operation.Name, level, lowest is not null && level >= lowest);
            }
        }
        return data;
    }

    [Fact]
    public void CapabilityTable_CoversEveryOperation()
    {
        Assert.Equal(LowestLevel.Keys.Order(), AssistantOperations.All.Select(o => o.Name).Order());
    }

    [Theory]
    [MemberData(nameof(PlainViewerCells))]
    public void Allows_PlainViewerAtLevel_FollowsTheCapabilityTable(string operation, AccessLevel level, bool expected)
    {
        var access = AccessAt(level, GlobalRole.User);

        Assert.Equal(expected, AssistantPermissions.Allows(access, Operation(operation)));
    }

    [Theory]
    [MemberData(nameof(PlainViewerCells))]
    public void Allows_ApplicationAdminAtLevel_HasNoMoreThanAPlainViewer(string operation, AccessLevel level, bool expected)
    {
        var access = AccessAt(level, GlobalRole.ApplicationAdmin);

        Assert.Equal(expected, AssistantPermissions.Allows(access, Operation(operation)));
    }

    public static TheoryData<string, GlobalRole, bool> OwnerCells()
    {
        var data = new TheoryData<string, GlobalRole, bool>();
        foreach (var operation in AssistantOperations.All)
        {
            foreach (var role in new[] { GlobalRole.User, GlobalRole.ApplicationAdmin })
            {
                // The owner may do everything, transfer included, except what only Global Admins receive.
                var globalAdminOnly = operation.Name is nameof(AssistantOperations.ViewSupportingContent) or nameof(AssistantOperations.RunEvaluation);
                data.Add(operation.Name, role, !globalAdminOnly);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OwnerCells))]
    public void Allows_Owner_EverythingButGlobalAdminOnlyCapabilities(string operation, GlobalRole role, bool expected)
    {
        var access = new AssistantAccess(AssistantId, "owner", role, [new AccessSource(AccessSourceKind.Owner, AccessLevel.Owner)]);

        Assert.Equal(expected, AssistantPermissions.Allows(access, Operation(operation)));
    }

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var operation in AssistantOperations.All)
        {
            data.Add(operation.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Allows_GlobalAdminOnAnExistingAssistant_Everything(string operation)
    {
        var access = new AssistantAccess(AssistantId, "admin", GlobalRole.GlobalAdmin, [new AccessSource(AccessSourceKind.GlobalAdmin, AccessLevel.Owner)]);

        Assert.True(AssistantPermissions.Allows(access, Operation(operation)));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Allows_GlobalAdminOnAMissingAssistant_Nothing(string operation)
    {
        // The resolver reports the role but no level when the assistant does not exist: it must stay not-found.
        var access = AssistantAccess.NoAccess(AssistantId, "admin", GlobalRole.GlobalAdmin);

        Assert.False(AssistantPermissions.Allows(access, Operation(operation)));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Allows_GlobalAdminWhoIsAlsoTheOwner_Everything(string operation)
    {
        var access = new AssistantAccess(AssistantId, "admin", GlobalRole.GlobalAdmin,
            [new AccessSource(AccessSourceKind.Owner, AccessLevel.Owner), new AccessSource(AccessSourceKind.GlobalAdmin, AccessLevel.Owner)]);

        Assert.True(AssistantPermissions.Allows(access, Operation(operation)));
    }

    [Theory]
    [InlineData(AccessSourceKind.TeamOwner)]
    [InlineData(AccessSourceKind.ProjectAdmin)]
    public void Allows_TransferOwnershipAtOwnerLevelWithoutBeingTheOwner_IsRefused(AccessSourceKind kind)
    {
        var access = new AssistantAccess(AssistantId, "viewer", GlobalRole.User, [new AccessSource(kind, AccessLevel.Owner, "Support")]);

        Assert.Equal(AccessLevel.Owner, access.Level);
        Assert.False(AssistantPermissions.Allows(access, AssistantOperations.TransferOwnership));
        Assert.True(AssistantPermissions.Allows(access, AssistantOperations.Delete));
    }

    [Fact]
    public void Allows_UnknownOperation_Throws()
    {
        var access = new AssistantAccess(AssistantId, "owner", GlobalRole.User, [new AccessSource(AccessSourceKind.Owner, AccessLevel.Owner)]);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AssistantPermissions.Allows(access, new OperationAuthorizationRequirement { Name = "Launch" }));
    }

    [Theory]
    [InlineData(AccessLevel.None, AccessLevel.None)]
    [InlineData(AccessLevel.UseOnly, AccessLevel.None)]
    [InlineData(AccessLevel.ReadOnly, AccessLevel.None)]
    [InlineData(AccessLevel.ReadWrite, AccessLevel.ReadWrite)]
    [InlineData(AccessLevel.Owner, AccessLevel.ReadWrite)]
    public void MaxGrantable_NeverAboveOwnLevelAndNeverOwner(AccessLevel level, AccessLevel expected)
    {
        var access = AccessAt(level, GlobalRole.User);

        Assert.Equal(expected, AssistantPermissions.MaxGrantable(access));
    }

    public static TheoryData<AccessLevel, PublicAccess, bool> PublicAccessCells()
    {
        var data = new TheoryData<AccessLevel, PublicAccess, bool>();
        foreach (var level in Levels)
        {
            foreach (var target in Enum.GetValues<PublicAccess>())
            {
                // Not accessible, Team and Everyone signed in need Read and write; Everyone needs Owner.
                var needed = target == PublicAccess.Everyone ? AccessLevel.Owner : AccessLevel.ReadWrite;
                data.Add(level, target, level >= needed);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PublicAccessCells))]
    public void AllowsPublicAccess_FollowsTheCapabilityTable(AccessLevel level, PublicAccess target, bool expected)
    {
        var access = AccessAt(level, GlobalRole.User);

        Assert.Equal(expected, AssistantPermissions.AllowsPublicAccess(access, target));
    }

    /// <summary>
    /// A viewer who is not the owner at <paramref name="level"/>: below Owner through a user grant, at Owner
    /// as a project admin (SPEC §2.1 rows 3 and 9).
    /// </summary>
    private static AssistantAccess AccessAt(AccessLevel level, GlobalRole role) => level switch
    {
        AccessLevel.None => AssistantAccess.NoAccess(AssistantId, "viewer", role),
        AccessLevel.Owner => new AssistantAccess(AssistantId, "viewer", role, [new AccessSource(AccessSourceKind.ProjectAdmin, level, "Helpdesk")]),
        _ => new AssistantAccess(AssistantId, "viewer", role, [new AccessSource(AccessSourceKind.UserGrant, level)]),
    };

    private static OperationAuthorizationRequirement Operation(string name) =>
        AssistantOperations.All.Single(o => o.Name == name);
}
