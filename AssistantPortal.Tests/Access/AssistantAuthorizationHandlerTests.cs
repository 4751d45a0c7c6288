using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Access;

/// <summary>
/// The resource-based handler, through ASP.NET Core's own authorization service: every cell of the
/// capability table decides exactly as <see cref="AssistantPermissions.Allows"/> does.
/// </summary>
public sealed class AssistantAuthorizationHandlerTests
{
    private static readonly IAuthorizationService Authorization = new ServiceCollection()
        .AddLogging()
        .AddAuthorizationCore()
        .AddSingleton<IAuthorizationHandler, AssistantAuthorizationHandler>()
        .BuildServiceProvider()
        .GetRequiredService<IAuthorizationService>();

    public static TheoryData<string, AccessSourceKind?, GlobalRole, AccessLevel> Cells()
    {
        var data = new TheoryData<string, AccessSourceKind?, GlobalRole, AccessLevel>();
        foreach (var operation in AssistantOperations.All)
        {
            data.Add(operation.Name, null, GlobalRole.User, AccessLevel.None);
            data.Add(operation.Name, null, GlobalRole.GlobalAdmin, AccessLevel.None);
            data.Add(operation.Name, AccessSourceKind.UserGrant, GlobalRole.User, AccessLevel.UseOnly);
            data.Add(operation.Name, AccessSourceKind.UserGrant, GlobalRole.User, AccessLevel.ReadOnly);
            data.Add(operation.Name, AccessSourceKind.UserGrant, GlobalRole.User, AccessLevel.ReadWrite);
            data.Add(operation.Name, AccessSourceKind.ProjectAdmin, GlobalRole.User, AccessLevel.Owner);
            data.Add(operation.Name, AccessSourceKind.Owner, GlobalRole.User, AccessLevel.Owner);
            data.Add(operation.Name, AccessSourceKind.GlobalAdmin, GlobalRole.GlobalAdmin, AccessLevel.Owner);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Authorize_EveryCell_DecidesAsThePermissionTable(string operation, AccessSourceKind? kind, GlobalRole role, AccessLevel level)
    {
        var access = kind is null
            ? AssistantAccess.NoAccess(1, "viewer", role)
            : new AssistantAccess(1, "viewer", role, [new AccessSource(kind.Value, level)]);
        var requirement = AssistantOperations.All.Single(o => o.Name == operation);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "viewer")], "Test"));

        var result = await Authorization.AuthorizeAsync(user, access, requirement);

        Assert.Equal(AssistantPermissions.Allows(access, requirement), result.Succeeded);
    }
}
