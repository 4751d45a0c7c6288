using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Evaluation;

/// <summary>How far a run has got: questions answered and scored out of all.</summary>
public sealed record EvaluationProgress(int Done, int Total);

/// <summary>
/// Starts a run (SPEC §8.4): asks every test question through <see cref="EvaluationEngine"/>, scores each
/// answer with <see cref="AnswerScoring"/>, and stores the run with one result per question. A result
/// whose test case passed in the previous finished run and fails now is flagged as a regression. Each
/// result is saved as it is scored, so a run cut off half-way keeps what it found (and stays unfinished:
/// only finished runs serve as "the previous run").
/// </summary>
public sealed class RunEvaluation(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, EvaluationEngine engine, TimeProvider clock)
{
    /// <summary>Field key of the error returned when there is nothing to run.</summary>
    public const string TestCasesField = "TestCases";

    /// <summary>Runs the test set and returns the run id, or an error when the test set is empty.</summary>
    public async Task<CommandResult<int>> ExecuteAsync(
        ClaimsPrincipal user, int assistantId, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.RunEvaluation, cancellationToken);
        var assistant = await db.Assistants.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assistantId, cancellationToken)
            ?? throw new AssistantNotFoundException(assistantId);
        var testCases = await db.EvaluationTestCases.AsNoTracking()
            .Where(t => t.AssistantId == assistantId).OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);
        if (testCases.Count == 0)
        {
            return CommandResult<int>.Invalid(new Dictionary<string, string[]> { [TestCasesField] = ["Add a test case before running the evaluation."] });
        }

        var previous = await db.EvaluationRuns.AsNoTracking()
            .Where(r => r.AssistantId == assistantId && r.FinishedAt != null)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var passedBefore = previous is null ? [] : (await db.EvaluationResults.AsNoTracking()
            .Where(r => r.RunId == previous && r.Passed && r.TestCaseId != null)
            .Select(r => r.TestCaseId!.Value)
            .ToListAsync(cancellationToken)).ToHashSet();

        var run = new EvaluationRun
        {
            AssistantId = assistantId,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            StartedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            StartedByName = user.Identity?.Name ?? "",
            CaseCount = testCases.Count,
        };
        db.EvaluationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        progress?.Report(new EvaluationProgress(0, testCases.Count));

        var scores = new List<double>();
        foreach (var testCase in testCases)
        {
            var answer = await engine.AskAsync(db, assistant, testCase.Question, cancellationToken);
            var score = AnswerScoring.Score(answer, testCase.ExpectedAnswer, testCase.KeyPhrases);
            var regressed = !score.Passed && passedBefore.Contains(testCase.Id);
            run.Results.Add(new EvaluationResult
            {
                TestCaseId = testCase.Id,
                Question = testCase.Question,
                Answer = answer,
                Passed = score.Passed,
                Score = score.Score,
                Details = score.Details,
                Regressed = regressed,
            });
            scores.Add(score.Score);
            run.PassedCount += score.Passed ? 1 : 0;
            run.RegressionCount += regressed ? 1 : 0;
            run.Score = scores.Average();
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(new EvaluationProgress(scores.Count, testCases.Count));
        }

        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<int>.Success(run.Id);
    }
}
