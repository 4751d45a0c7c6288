using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Evaluation;

/// <summary>A run as the runs list shows it.</summary>
public sealed record EvaluationRunRow(int Id, DateTime StartedAt, DateTime? FinishedAt, string StartedByName,
    double Score, int PassedCount, int CaseCount, int RegressionCount);

/// <summary>One question's result in one run.</summary>
public sealed record RunResultCell(string Answer, bool Passed, double Score, string Details);

/// <summary>
/// One question across two runs. <see cref="Regression"/>: it passed in the earlier run and fails in the
/// later one. Either side is null when the question was not asked in that run.
/// </summary>
public sealed record ComparisonRow(string Question, RunResultCell? Earlier, RunResultCell? Later)
{
    public bool Regression => Earlier is { Passed: true } && Later is { Passed: false };
}

/// <summary>Two runs side by side, the earlier first whatever order they were asked in.</summary>
public sealed record RunComparison(EvaluationRunRow Earlier, EvaluationRunRow Later, IReadOnlyList<ComparisonRow> Rows)
{
    public int RegressionCount => Rows.Count(r => r.Regression);
}

/// <summary>Lists an assistant's runs, newest first (Global Admins only).</summary>
public sealed class ListEvaluationRuns(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task<IReadOnlyList<EvaluationRunRow>> ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.RunEvaluation, cancellationToken);
        return await db.EvaluationRuns.AsNoTracking()
            .Where(r => r.AssistantId == assistantId)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(r => new EvaluationRunRow(r.Id, r.StartedAt, r.FinishedAt, r.StartedByName, r.Score, r.PassedCount, r.CaseCount, r.RegressionCount))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>
/// Compares two runs of one assistant question by question (SPEC §8.4). Questions line up by test case;
/// results of a deleted test case line up by their question text. Passing the same run twice shows it alone.
/// </summary>
public sealed class CompareEvaluationRuns(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task<RunComparison> ExecuteAsync(ClaimsPrincipal user, int assistantId, int firstRunId, int secondRunId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.RunEvaluation, cancellationToken);
        var runs = await db.EvaluationRuns.AsNoTracking()
            .Where(r => r.AssistantId == assistantId && (r.Id == firstRunId || r.Id == secondRunId))
            .Include(r => r.Results)
            .ToListAsync(cancellationToken);
        // A run of another assistant is as missing as one that never existed.
        if (runs.Count != (firstRunId == secondRunId ? 1 : 2))
        {
            throw new AssistantNotFoundException(assistantId);
        }
        var ordered = runs.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToList();
        var earlier = ordered[0];
        var later = ordered[^1];

        var earlierByKey = new Dictionary<string, Queue<EvaluationResult>>();
        foreach (var result in earlier == later ? [] : earlier.Results.OrderBy(r => r.Id).ToList())
        {
            if (!earlierByKey.TryGetValue(Key(result), out var queue))
            {
                earlierByKey[Key(result)] = queue = new Queue<EvaluationResult>();
            }
            queue.Enqueue(result);
        }
        var rows = new List<ComparisonRow>();
        foreach (var result in later.Results.OrderBy(r => r.Id))
        {
            var before = earlierByKey.TryGetValue(Key(result), out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
            rows.Add(new ComparisonRow(result.Question, before is null ? null : Cell(before), Cell(result)));
        }
        rows.AddRange(earlierByKey.Values.SelectMany(q => q).OrderBy(r => r.Id).Select(r => new ComparisonRow(r.Question, Cell(r), null)));
        return new RunComparison(Row(earlier), Row(later), rows);
    }

    private static string Key(EvaluationResult result) =>
        result.TestCaseId is { } id ? "case:" + id : "question:" + result.Question;

    private static RunResultCell Cell(EvaluationResult r) => new(r.Answer, r.Passed, r.Score, r.Details);

    private static EvaluationRunRow Row(EvaluationRun r) =>
        new(r.Id, r.StartedAt, r.FinishedAt, r.StartedByName, r.Score, r.PassedCount, r.CaseCount, r.RegressionCount);
}
