using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Links;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Links;

/// <summary>
/// <c>/p/{token}</c>, <c>/embed/{token}</c> and <c>/embed.js</c> over HTTP (SPEC §4.5, §5, §2.1 row 10): every
/// public-access value × view link / edit link × anonymous / signed-in stranger / Team Viewer.
/// </summary>
public sealed partial class LinkPagesTests(LinksApp app) : IClassFixture<LinksApp>
{
    public enum Visitor { Anonymous, Stranger, TeamViewer }

    public enum Expect { NotFound, SignIn, Chat, Edit }

    public static TheoryData<PublicAccess, LinkKind, Visitor, Expect> Matrix => new()
    {
        { PublicAccess.NotAccessible, LinkKind.View, Visitor.Anonymous, Expect.NotFound },
        { PublicAccess.NotAccessible, LinkKind.View, Visitor.Stranger, Expect.NotFound },
        { PublicAccess.NotAccessible, LinkKind.Edit, Visitor.Anonymous, Expect.NotFound },
        { PublicAccess.NotAccessible, LinkKind.Edit, Visitor.Stranger, Expect.NotFound },
        { PublicAccess.Team, LinkKind.View, Visitor.Anonymous, Expect.NotFound },
        { PublicAccess.Team, LinkKind.View, Visitor.Stranger, Expect.NotFound },
        { PublicAccess.Team, LinkKind.View, Visitor.TeamViewer, Expect.Chat },
        { PublicAccess.Team, LinkKind.Edit, Visitor.Anonymous, Expect.NotFound },
        { PublicAccess.Team, LinkKind.Edit, Visitor.Stranger, Expect.NotFound },
        { PublicAccess.Team, LinkKind.Edit, Visitor.TeamViewer, Expect.NotFound },
        { PublicAccess.EveryoneSignedIn, LinkKind.View, Visitor.Anonymous, Expect.SignIn },
        { PublicAccess.EveryoneSignedIn, LinkKind.View, Visitor.Stranger, Expect.Chat },
        { PublicAccess.EveryoneSignedIn, LinkKind.Edit, Visitor.Anonymous, Expect.SignIn },
        { PublicAccess.EveryoneSignedIn, LinkKind.Edit, Visitor.Stranger, Expect.Edit },
        { PublicAccess.Everyone, LinkKind.View, Visitor.Anonymous, Expect.Chat },
        { PublicAccess.Everyone, LinkKind.View, Visitor.Stranger, Expect.Chat },
        { PublicAccess.Everyone, LinkKind.Edit, Visitor.Anonymous, Expect.SignIn },
        { PublicAccess.Everyone, LinkKind.Edit, Visitor.Stranger, Expect.Edit },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task OpenLink_AnswersByPublicAccessLinkAndVisitor(PublicAccess publicAccess, LinkKind kind, Visitor visitor, Expect expected)
    {
        var assistant = app.Assistants[publicAccess];
        var token = kind == LinkKind.Edit ? assistant.EditLinkToken! : assistant.ViewLinkToken!;

        using var response = await app.Client(UserOf(visitor)).GetAsync($"/p/{token}");
        var body = await response.Content.ReadAsStringAsync();

        switch (expected)
        {
            case Expect.NotFound:
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain(assistant.Name, body);
                break;
            case Expect.SignIn:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains($"Account/Login?ReturnUrl={Uri.EscapeDataString("/p/" + token)}", response.Headers.Location!.OriginalString);
                break;
            case Expect.Chat:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(assistant.Name, body);
                Assert.Contains("data-testid=\"link-chat\"", body);
                break;
            case Expect.Edit:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.EndsWith($"assistants/{assistant.Id}?link={token}", response.Headers.Location!.OriginalString);
                break;
        }
    }

    [Theory]
    [InlineData(PublicAccess.EveryoneSignedIn)]
    [InlineData(PublicAccess.Everyone)]
    public async Task AssistantPage_WithEditLink_GivesReadAndWrite(PublicAccess publicAccess)
    {
        var assistant = app.Assistants[publicAccess];
        using var client = app.Client(app.StrangerId);

        using var withLink = await client.GetAsync($"/assistants/{assistant.Id}?link={assistant.EditLinkToken}");
        using var withoutLink = await client.GetAsync($"/assistants/{assistant.Id}");

        Assert.Equal(HttpStatusCode.OK, withLink.StatusCode);
        Assert.Contains("Your access: Read and write", await withLink.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, withoutLink.StatusCode);
    }

    [Fact]
    public async Task AssistantPage_WithEditLinkWhileNotAccessible_IsNotFound()
    {
        var assistant = app.Assistants[PublicAccess.NotAccessible];

        using var response = await app.Client(app.StrangerId).GetAsync($"/assistants/{assistant.Id}?link={assistant.EditLinkToken}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(LinkKind.View)]
    [InlineData(LinkKind.Edit)]
    public async Task OpenLink_AfterReset_IsNotFoundExactlyLikeAnUnknownToken(LinkKind kind)
    {
        var assistantId = await AddAssistantAsync(PublicAccess.Everyone);
        var owner = Principal(app.OwnerId);
        using var scope = app.Services.CreateScope();
        ResetLink reset = kind == LinkKind.Edit ? scope.ServiceProvider.GetRequiredService<ResetEditLink>() : scope.ServiceProvider.GetRequiredService<ResetViewLink>();
        var old = await reset.ExecuteAsync(owner, assistantId);
        var current = await reset.ExecuteAsync(owner, assistantId);
        using var client = app.Client(app.StrangerId);

        using var before = await client.GetAsync($"/p/{current}");
        using var afterReset = await client.GetAsync($"/p/{old}");
        using var unknown = await client.GetAsync($"/p/{LinkTokens.Create()}");
        using var malformed = await client.GetAsync("/p/not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, afterReset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, before.StatusCode);
        var resetBody = Visible(await afterReset.Content.ReadAsStringAsync());
        Assert.Equal(Visible(await unknown.Content.ReadAsStringAsync()), resetBody);
        Assert.Equal(Visible(await malformed.Content.ReadAsStringAsync()), resetBody);
    }

    [Fact]
    public async Task Embed_WhileEveryone_ChatsAndMayBeFramedByAnyOrigin()
    {
        var assistant = app.Assistants[PublicAccess.Everyone];

        using var response = await app.Client().GetAsync($"/embed/{assistant.ViewLinkToken}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"link-chat\"", body);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("frame-ancestors *", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        // The app bar and navigation stay out of the widget.
        Assert.DoesNotContain("Toggle navigation", body);
    }

    [Theory]
    [InlineData(PublicAccess.NotAccessible, LinkKind.View)]
    [InlineData(PublicAccess.Team, LinkKind.View)]
    [InlineData(PublicAccess.EveryoneSignedIn, LinkKind.View)]
    [InlineData(PublicAccess.Everyone, LinkKind.Edit)]
    public async Task Embed_OtherwiseRefusesWithoutNamingTheAssistant(PublicAccess publicAccess, LinkKind kind)
    {
        var assistant = app.Assistants[publicAccess];
        var token = kind == LinkKind.Edit ? assistant.EditLinkToken : assistant.ViewLinkToken;

        using var response = await app.Client(app.StrangerId).GetAsync($"/embed/{token}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("This chat is not available.", body);
        Assert.DoesNotContain(assistant.Name, body);
        Assert.DoesNotContain("data-testid=\"link-chat\"", body);
    }

    [Fact]
    public async Task OtherPages_StillRefuseToBeFramed()
    {
        var assistant = app.Assistants[PublicAccess.Everyone];

        using var response = await app.Client().GetAsync($"/p/{assistant.ViewLinkToken}");

        Assert.Equal("SAMEORIGIN", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task EmbedScript_IsJavaScriptThatAnyOriginMayLoad()
    {
        using var response = await app.Client().GetAsync("/embed.js");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("data-assistant", body);
        Assert.Contains("\"/embed/\"", body);
    }

    private string? UserOf(Visitor visitor) => visitor switch
    {
        Visitor.Stranger => app.StrangerId,
        Visitor.TeamViewer => app.TeamViewerId,
        _ => null,
    };

    private async Task<int> AddAssistantAsync(PublicAccess publicAccess)
    {
        await using var db = app.CreateDbContext();
        var assistant = new Assistant { Name = "Resettable", OwnerId = app.OwnerId, PublicAccess = publicAccess };
        db.Assistants.Add(assistant);
        await db.SaveChangesAsync();
        return assistant.Id;
    }

    private static ClaimsPrincipal Principal(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Test"));

    /// <summary>The page without what differs on every response (the circuit's protected state, antiforgery values).</summary>
    private static string Visible(string html) =>
        Guids().Replace(BlazorMarkers().Replace(AntiforgeryValues().Replace(html, ""), ""), "");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();

    [GeneratedRegex("<!--Blazor[^>]*-->")]
    private static partial Regex BlazorMarkers();

    [GeneratedRegex("value=\"[A-Za-z0-9_\\-]{40,}\"")]
    private static partial Regex AntiforgeryValues();
}
