using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Aliases;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Chat;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantPortal.Tests.Features.Admin.Aliases;

/// <summary>The Aliases section wired as the app wires it, on a <see cref="TestDatabase"/>, with an in-memory Data Protection key ring.</summary>
public static class AliasTestServices
{
    public static IServiceCollection AddAliasFeature(this IServiceCollection services, TestDatabase database)
    {
        services.TryAddSingleton<IDbContextFactory<ApplicationDbContext>>(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddAudit();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<ModelAliasKeys>();
        services.AddOptions<ChatEngineOptions>();
        services.AddAliases();
        return services;
    }

    /// <summary>A valid form for an alias named <paramref name="name"/>.</summary>
    public static ModelAliasInput Input(string name = "gpt", string endpoint = "https://api.example.test/v1", string model = "gpt-4o-mini",
        string? apiKey = null) =>
        new() { Name = name, Endpoint = endpoint, Model = model, ApiKey = apiKey };

    /// <summary>Stores an alias directly, as a fixture.</summary>
    public static async Task<ChatModelAlias> StoreAsync(TestDatabase database, string name, string endpoint = "https://api.example.test/v1",
        string model = "gpt-4o-mini", string? protectedKey = null)
    {
        await using var db = database.CreateDbContext();
        var alias = new ChatModelAlias
        {
            Name = name, Endpoint = endpoint, Model = model, ProtectedApiKey = protectedKey,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.ChatModelAliases.Add(alias);
        await db.SaveChangesAsync();
        return alias;
    }

    /// <summary>Points <paramref name="assistant"/> at <paramref name="alias"/> directly, as a fixture.</summary>
    public static async Task UseAliasAsync(TestDatabase database, Assistant assistant, string alias)
    {
        await using var db = database.CreateDbContext();
        await db.Assistants.Where(a => a.Id == assistant.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ModelAlias, alias));
        assistant.ModelAlias = alias;
    }

    public static string ModelAliasOf(TestDatabase database, int assistantId)
    {
        using var db = database.CreateDbContext();
        return db.Assistants.Where(a => a.Id == assistantId).Select(a => a.ModelAlias).Single();
    }
}
