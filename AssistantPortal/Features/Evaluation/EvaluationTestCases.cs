using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Data.Configurations;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Evaluation;

/// <summary>A test case as the Evaluation tab lists it.</summary>
public sealed record TestCaseRow(int Id, string Question, string ExpectedAnswer, string KeyPhrases, DateTime UpdatedAt);

/// <summary>Lists an assistant's test set, oldest first (Global Admins only, SPEC §8.4).</summary>
public sealed class ListTestCases(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task<IReadOnlyList<TestCaseRow>> ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.RunEvaluation, cancellationToken);
        return await db.EvaluationTestCases.AsNoTracking()
            .Where(t => t.AssistantId == assistantId)
            .OrderBy(t => t.Id)
            .Select(t => new TestCaseRow(t.Id, t.Question, t.ExpectedAnswer, t.KeyPhrases, t.UpdatedAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>
/// Adds a test case, or edits one when <see cref="Input.Id"/> is set. Bad input changes nothing and is
/// reported per field: an empty or over-long question, neither an expected answer nor a key phrase, an
/// over-long expected answer, key phrases too long together or one by one, a full test set.
/// </summary>
public sealed class SaveTestCase(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, TimeProvider clock)
{
    public sealed class Input
    {
        /// <summary>The test case to edit; null to add one.</summary>
        public int? Id { get; set; }

        [Required(ErrorMessage = "Enter a question.")]
        [StringLength(EvaluationLimits.Question, ErrorMessage = "The question can be at most {1} characters long.")]
        public string Question { get; set; } = "";

        [StringLength(EvaluationLimits.ExpectedAnswer, ErrorMessage = "The expected answer can be at most {1} characters long.")]
        public string ExpectedAnswer { get; set; } = "";

        /// <summary>One phrase per line.</summary>
        [StringLength(EvaluationLimits.KeyPhrases, ErrorMessage = "The key phrases can be at most {1} characters long together.")]
        public string KeyPhrases { get; set; } = "";

        public static Input From(TestCaseRow row) =>
            new() { Id = row.Id, Question = row.Question, ExpectedAnswer = row.ExpectedAnswer, KeyPhrases = row.KeyPhrases };
    }

    /// <summary>Saves the test case and returns its id, or returns the field errors and changes nothing.</summary>
    public async Task<CommandResult<int>> ExecuteAsync(ClaimsPrincipal user, int assistantId, Input input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Authorize before validating: a viewer who may not evaluate learns nothing, not even what is wrong.
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.RunEvaluation, cancellationToken);

        input.Question = input.Question?.Trim() ?? "";
        input.ExpectedAnswer = input.ExpectedAnswer?.Trim() ?? "";
        var phrases = AnswerScoring.Phrases(input.KeyPhrases);
        input.KeyPhrases = string.Join("\n", phrases);
        var errors = FieldErrors.Validate(input);
        if (input.ExpectedAnswer.Length == 0 && phrases.Count == 0)
        {
            errors.Add(nameof(Input.ExpectedAnswer), "Enter an expected answer or at least one key phrase.");
        }
        if (phrases.FirstOrDefault(p => p.Length > EvaluationLimits.KeyPhrase) is { } longPhrase)
        {
            errors.Add(nameof(Input.KeyPhrases), $"A key phrase can be at most {EvaluationLimits.KeyPhrase} characters long (\u201c{longPhrase[..20]}\u2026\u201d is longer).");
        }

        EvaluationTestCase? testCase = null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (input.Id is { } id)
        {
            // Another assistant's test case is not found here, whoever asks.
            testCase = await db.EvaluationTestCases.SingleOrDefaultAsync(t => t.Id == id && t.AssistantId == assistantId, cancellationToken)
                ?? throw new AssistantNotFoundException(assistantId);
        }
        else if (await db.EvaluationTestCases.CountAsync(t => t.AssistantId == assistantId, cancellationToken) >= EvaluationLimits.TestCasesPerAssistant)
        {
            errors.Add(nameof(Input.Question), $"An assistant can have at most {EvaluationLimits.TestCasesPerAssistant} test cases; delete one first.");
        }
        if (errors.Any)
        {
            return CommandResult<int>.Invalid(errors.ToDictionary());
        }

        if (testCase is null)
        {
            testCase = new EvaluationTestCase { AssistantId = assistantId, CreatedAt = now };
            db.EvaluationTestCases.Add(testCase);
        }
        testCase.Question = input.Question;
        testCase.ExpectedAnswer = input.ExpectedAnswer;
        testCase.KeyPhrases = input.KeyPhrases;
        testCase.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<int>.Success(testCase.Id);
    }
}

/// <summary>Deletes a test case; past runs keep their results for it (unlinked), so comparisons still read.</summary>
public sealed class DeleteTestCase(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task ExecuteAsync(ClaimsPrincipal user, int assistantId, int testCaseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.RunEvaluation, cancellationToken);
        var testCase = await db.EvaluationTestCases.SingleOrDefaultAsync(t => t.Id == testCaseId && t.AssistantId == assistantId, cancellationToken)
            ?? throw new AssistantNotFoundException(assistantId);
        db.EvaluationTestCases.Remove(testCase);
        await db.SaveChangesAsync(cancellationToken);
    }
}
