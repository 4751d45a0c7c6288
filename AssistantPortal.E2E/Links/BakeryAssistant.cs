using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Features.Links;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.E2E.Links;

/// <summary>
/// An assistant arranged through the app's own commands: an owner (created in the database, so that no test person
/// becomes the first account's Global Admin), one document that answers "when does the bakery open?", a public
/// access value, and both links handed out.
/// </summary>
public sealed record BakeryAssistant(KestrelAppFactory App, ClaimsPrincipal Owner, int Id, string ViewToken, string EditToken)
{
    public const string Name = "Bakery helper";
    public const string Answer = "seven o'clock";

    public static async Task<BakeryAssistant> ArrangeAsync(KestrelAppFactory app, PublicAccess publicAccess)
    {
        int assistantId;
        string ownerId;
        await using (var db = app.CreateDbContext())
        {
            var owner = new ApplicationUser
            {
                UserName = "baker@e2e.test", NormalizedUserName = "BAKER@E2E.TEST", Email = "baker@e2e.test",
                NormalizedEmail = "BAKER@E2E.TEST", EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow,
            };
            var assistant = new Assistant { Name = Name, Instructions = "Answer from the sources.", Owner = owner };
            db.Assistants.Add(assistant);
            await db.SaveChangesAsync();
            assistantId = assistant.Id;
            ownerId = owner.Id;
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, ownerId)], "Test"));
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var (documentId, error) = await services.GetRequiredService<KnowledgeBase>().AddAsync(principal, assistantId, "hours.txt",
            "Opening hours.\n\nThe bakery opens at seven o'clock every morning and closes at six in the evening."u8.ToArray());
        Assert.True(documentId is not null, error);
        var bakery = new BakeryAssistant(app, principal, assistantId,
            await services.GetRequiredService<ResetViewLink>().ExecuteAsync(principal, assistantId),
            await services.GetRequiredService<ResetEditLink>().ExecuteAsync(principal, assistantId));
        await bakery.SetPublicAccessAsync(publicAccess);
        return bakery;
    }

    /// <summary>The owner changes public access, as the Access tab would.</summary>
    public async Task SetPublicAccessAsync(PublicAccess publicAccess)
    {
        using var scope = App.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<SetPublicAccess>().ExecuteAsync(Owner, Id, publicAccess);
        Assert.True(result.Succeeded, result.Error);
    }

    /// <summary>The owner resets the edit link, as the Access tab would; returns the new token.</summary>
    public async Task<string> ResetEditLinkAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResetEditLink>().ExecuteAsync(Owner, Id);
    }
}
