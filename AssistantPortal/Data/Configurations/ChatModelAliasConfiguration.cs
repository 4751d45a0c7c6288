using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssistantPortal.Data.Configurations;

/// <summary>Limits of a model alias, shared by validation and the schema.</summary>
public static class ModelAliasLimits
{
    public const int Name = 50;
    public const int Endpoint = 500;
    public const int Model = 200;
    public const int ApiKey = 1_000;

    /// <summary>Room for a protected key: Data Protection output is base64 of the key plus a header and tag.</summary>
    public const int ProtectedApiKey = 4_000;
}

internal sealed class ChatModelAliasConfiguration : IEntityTypeConfiguration<ChatModelAlias>
{
    public void Configure(EntityTypeBuilder<ChatModelAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(ModelAliasLimits.Name).IsRequired();
        builder.Property(a => a.Endpoint).HasMaxLength(ModelAliasLimits.Endpoint).IsRequired();
        builder.Property(a => a.Model).HasMaxLength(ModelAliasLimits.Model).IsRequired();
        builder.Property(a => a.ProtectedApiKey).HasMaxLength(ModelAliasLimits.ProtectedApiKey);
        // Two admins saving the same alias at once: the second save fails instead of silently winning.
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Name).IsUnique();
    }
}
