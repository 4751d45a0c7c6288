using System.Security.Claims;
using AssistantPortal.Features.Access;

namespace AssistantPortal.Tests.Access;

public sealed class ViewerTests
{
    [Fact]
    public void From_AuthenticatedPrincipal_IsThatUserWithTheLink()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")], "Test"));

        var viewer = Viewer.From(principal, "token");

        Assert.Equal(new Viewer("u1", "token"), viewer);
        Assert.True(viewer.IsSignedIn);
    }

    [Fact]
    public void From_UnauthenticatedPrincipalEvenWithAnIdClaim_IsAnonymous()
    {
        // An identity without an authentication type is not signed in, whatever claims it carries.
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u1")]));

        var viewer = Viewer.From(principal);

        Assert.Null(viewer.UserId);
        Assert.False(viewer.IsSignedIn);
    }
}
