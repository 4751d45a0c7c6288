using System.Security.Claims;
using AssistantPortal.Features.Access;

namespace AssistantPortal.Tests.Access;

/// <summary>The link token a page adds to its own copy of the principal reaches every command through Viewer.From.</summary>
public sealed class ViewerLinkClaimTests
{
    private static ClaimsPrincipal SignedIn(string userId, string? linkToken = null)
    {
        var identities = new List<ClaimsIdentity> { new([new Claim(ClaimTypes.NameIdentifier, userId)], "Cookie") };
        if (linkToken is not null)
        {
            identities.Add(new ClaimsIdentity([new Claim(Viewer.LinkTokenClaim, linkToken)]));
        }
        return new ClaimsPrincipal(identities);
    }

    [Fact]
    public void From_PrincipalWithLinkClaim_CarriesTheUserAndTheToken()
    {
        var viewer = Viewer.From(SignedIn("u1", "token-a"));

        Assert.Equal(new Viewer("u1", "token-a"), viewer);
    }

    [Fact]
    public void From_ExplicitToken_WinsOverTheClaim()
    {
        var viewer = Viewer.From(SignedIn("u1", "token-a"), "token-b");

        Assert.Equal("token-b", viewer.LinkToken);
    }

    [Fact]
    public void From_PrincipalWithoutLinkClaim_HasNoToken()
    {
        Assert.Null(Viewer.From(SignedIn("u1")).LinkToken);
    }
}
