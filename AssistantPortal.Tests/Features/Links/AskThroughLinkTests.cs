using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Links;

/// <summary>Chatting through a view link or the widget: logged as a link visitor, checked again on every question.</summary>
public sealed class AskThroughLinkTests(LinksApp app) : IClassFixture<LinksApp>
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ask_AnonymouslyWhileEveryone_IsLoggedAsLinkVisitor(bool embedded)
    {
        var assistant = app.Assistants[PublicAccess.Everyone];
        var question = $"What is your name? {Guid.NewGuid():N}";
        using var scope = app.Services.CreateScope();

        var answer = await scope.ServiceProvider.GetRequiredService<AskThroughLink>()
            .ExecuteAsync(Anonymous, assistant.ViewLinkToken!, embedded, question);

        await using var db = app.CreateDbContext();
        var logged = await db.ChatExchanges.SingleAsync(e => e.Question == question);
        Assert.Equal(ChatOrigin.LinkVisitor, logged.Origin);
        Assert.Null(logged.UserId);
        Assert.Equal(assistant.Id, logged.AssistantId);
        Assert.Equal(answer.Exchange.Id, logged.Id);
    }

    [Fact]
    public async Task Ask_SignedInWhileEveryoneSignedIn_IsLoggedAsLinkVisitorWithTheUser()
    {
        var assistant = app.Assistants[PublicAccess.EveryoneSignedIn];
        var question = $"Hello {Guid.NewGuid():N}";
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, app.StrangerId), new Claim(ClaimTypes.Name, "stranger@links.test")], "Test"));
        using var scope = app.Services.CreateScope();

        await scope.ServiceProvider.GetRequiredService<AskThroughLink>().ExecuteAsync(user, assistant.ViewLinkToken!, false, question);

        await using var db = app.CreateDbContext();
        var logged = await db.ChatExchanges.SingleAsync(e => e.Question == question);
        Assert.Equal(ChatOrigin.LinkVisitor, logged.Origin);
        Assert.Equal(app.StrangerId, logged.UserId);
        Assert.Equal("stranger@links.test", logged.WhoName);
    }

    [Theory]
    [InlineData(PublicAccess.NotAccessible, false)]
    [InlineData(PublicAccess.EveryoneSignedIn, false)]
    [InlineData(PublicAccess.EveryoneSignedIn, true)]
    public async Task Ask_WhereTheLinkDoesNotLetTheVisitorChat_IsNotFoundAndLogsNothing(PublicAccess publicAccess, bool embedded)
    {
        var assistant = app.Assistants[publicAccess];
        var question = $"Anyone there? {Guid.NewGuid():N}";
        using var scope = app.Services.CreateScope();
        var ask = scope.ServiceProvider.GetRequiredService<AskThroughLink>();

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => ask.ExecuteAsync(Anonymous, assistant.ViewLinkToken!, embedded, question));

        await using var db = app.CreateDbContext();
        Assert.False(await db.ChatExchanges.AnyAsync(e => e.Question == question));
    }
}
