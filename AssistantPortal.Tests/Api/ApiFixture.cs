using AssistantPortal.Data;
using AssistantPortal.Features.ApiKeys;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace AssistantPortal.Tests.Api;

/// <summary>
/// The app in memory with two assistants and a key of every kind: one per level on the first assistant,
/// one on the second, one deleted. Shared by the read-only tests of the matrix.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiApp App { get; } = new();

    public int AssistantId { get; private set; }
    public int OtherAssistantId { get; private set; }
    public Dictionary<AccessLevel, string> Keys { get; } = [];
    public string OtherAssistantKey { get; private set; } = "";
    public string DeletedKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _ = App.Server; // starts the app, which migrates the database
        await using var db = App.CreateDbContext();
        var owner = new ApplicationUser { UserName = "owner@api.test", Email = "owner@api.test", SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(owner);
        var assistant = new Assistant { Name = "Helpdesk", Description = "Answers questions", Instructions = "Be kind.", Owner = owner };
        var other = new Assistant { Name = "Other", Owner = owner };
        db.Assistants.AddRange(assistant, other);
        await db.SaveChangesAsync();
        AssistantId = assistant.Id;
        OtherAssistantId = other.Id;

        foreach (var level in new[] { AccessLevel.UseOnly, AccessLevel.ReadOnly, AccessLevel.ReadWrite })
        {
            Keys[level] = AddKey(db, assistant.Id, level, $"{level} key");
        }
        OtherAssistantKey = AddKey(db, other.Id, AccessLevel.ReadWrite, "other");
        DeletedKey = AddKey(db, assistant.Id, AccessLevel.ReadWrite, "deleted");
        await db.SaveChangesAsync();
        db.ApiKeys.Remove(db.ApiKeys.Local.Single(k => k.Name == "deleted"));
        await db.SaveChangesAsync();
    }

    public static string AddKey(ApplicationDbContext db, int assistantId, AccessLevel level, string name)
    {
        var key = ApiKeyGenerator.Generate();
        db.ApiKeys.Add(new ApiKey { AssistantId = assistantId, Name = name, Level = level, DisplayPrefix = key.DisplayPrefix, Hash = key.Hash, CreatedAt = DateTime.UtcNow });
        return key.Secret;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The app with a rate limit high enough that the matrix never meets it.</summary>
public class ApiApp : AppFactory
{
    public int PermitsPerWindow { get; init; } = 100_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:PermitsPerWindow", PermitsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Api:WindowSeconds", "60");
    }
}
