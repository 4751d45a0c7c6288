using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssistantPortal.Data.Configurations;

/// <summary>Limits of the assistant itself (SPEC §8), shared by validation and the schema.</summary>
public static class ChatLimits
{
    public const int FileName = 255;
    public const int ConversationTitle = 200;
    public const int WhoName = 256;

    /// <summary>The longest question accepted, in characters (documented in the README).</summary>
    public const int Question = 4_000;
}

internal sealed class KnowledgeDocumentConfiguration : IEntityTypeConfiguration<KnowledgeDocument>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(ChatLimits.FileName).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.UploadedByName).HasMaxLength(ChatLimits.WhoName);
        builder.HasIndex(d => new { d.AssistantId, d.FileName });
        builder.HasOne(d => d.Assistant).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgePassageConfiguration : IEntityTypeConfiguration<KnowledgePassage>
{
    public void Configure(EntityTypeBuilder<KnowledgePassage> builder)
    {
        builder.HasIndex(p => new { p.DocumentId, p.Ordinal }).IsUnique();
        builder.HasIndex(p => p.AssistantId);
        builder.HasOne(p => p.Document).WithMany(d => d.Passages).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(ChatLimits.ConversationTitle);
        builder.HasIndex(c => new { c.AssistantId, c.UserId, c.UpdatedAt });
        builder.HasOne(c => c.Assistant).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // A deleted key's conversations stay in the log but can no longer be continued by anyone.
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(c => c.ApiKeyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ChatExchangeConfiguration : IEntityTypeConfiguration<ChatExchange>
{
    public void Configure(EntityTypeBuilder<ChatExchange> builder)
    {
        builder.Property(e => e.Question).HasMaxLength(ChatLimits.Question).IsRequired();
        builder.Property(e => e.WhoName).HasMaxLength(ChatLimits.WhoName);
        builder.HasIndex(e => new { e.AssistantId, e.AskedAt });
        builder.HasIndex(e => e.AskedAt);
        builder.HasOne(e => e.Assistant).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Conversation).WithMany(c => c.Exchanges).OnDelete(DeleteBehavior.Cascade);
        // The log keeps the exchange when the user or key goes; the name at the time stays in WhoName.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(e => e.ApiKeyId).OnDelete(DeleteBehavior.SetNull);
    }
}
