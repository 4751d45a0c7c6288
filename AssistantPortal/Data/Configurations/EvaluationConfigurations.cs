using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssistantPortal.Data.Configurations;

/// <summary>Limits of evaluation test cases (SPEC §8.4), shared by validation and the schema.</summary>
public static class EvaluationLimits
{
    /// <summary>The same as a chat question: a test asks what a person could ask.</summary>
    public const int Question = ChatLimits.Question;

    public const int ExpectedAnswer = 4_000;

    /// <summary>All key phrases together, as stored (one per line).</summary>
    public const int KeyPhrases = 2_000;

    public const int KeyPhrase = 200;

    /// <summary>The most test cases one assistant keeps, so a run stays a few minutes at worst.</summary>
    public const int TestCasesPerAssistant = 200;
}

internal sealed class EvaluationTestCaseConfiguration : IEntityTypeConfiguration<EvaluationTestCase>
{
    public void Configure(EntityTypeBuilder<EvaluationTestCase> builder)
    {
        builder.Property(t => t.Question).HasMaxLength(EvaluationLimits.Question).IsRequired();
        builder.Property(t => t.ExpectedAnswer).HasMaxLength(EvaluationLimits.ExpectedAnswer);
        builder.Property(t => t.KeyPhrases).HasMaxLength(EvaluationLimits.KeyPhrases);
        builder.HasIndex(t => t.AssistantId);
        builder.HasOne(t => t.Assistant).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationRunConfiguration : IEntityTypeConfiguration<EvaluationRun>
{
    public void Configure(EntityTypeBuilder<EvaluationRun> builder)
    {
        builder.Property(r => r.StartedByName).HasMaxLength(ChatLimits.WhoName);
        builder.HasIndex(r => new { r.AssistantId, r.StartedAt });
        builder.HasOne(r => r.Assistant).WithMany().OnDelete(DeleteBehavior.Cascade);
        // The run stays when its starter's account goes; the name at the time stays in StartedByName.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.StartedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EvaluationResultConfiguration : IEntityTypeConfiguration<EvaluationResult>
{
    public void Configure(EntityTypeBuilder<EvaluationResult> builder)
    {
        builder.Property(r => r.Question).HasMaxLength(EvaluationLimits.Question).IsRequired();
        builder.HasIndex(r => new { r.RunId, r.TestCaseId });
        builder.HasOne(r => r.Run).WithMany(r => r.Results).OnDelete(DeleteBehavior.Cascade);
        // Past runs keep their results when a test case is deleted; they just no longer line up with it.
        builder.HasOne<EvaluationTestCase>().WithMany().HasForeignKey(r => r.TestCaseId).OnDelete(DeleteBehavior.SetNull);
    }
}
